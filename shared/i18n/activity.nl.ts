import type { activityEn } from "./activity.en";

export const activityNl: Record<keyof typeof activityEn, string> = {
  "audit.commentShared": "Reageerde op artikel {clause}",
  "audit.commentSharedStructure": "Reageerde in een gedeelde discussie",
  "audit.signoffVoided": "De ondertekening van de {party} (ronde {round}) is vervallen door een latere wijziging: bekijk de wijzigingen en onderteken opnieuw",
  "threads.error.mentionNotVisible":
    "Je noemde iemand die deze discussie niet kan zien (een interne notitie ziet alleen je eigen partij). Haal de vermelding weg of begin een gedeelde discussie.",

  "bell.label": "{count, plural, =0 {Meldingen, geen ongelezen} one {Meldingen, # ongelezen} other {Meldingen, # ongelezen}}",
  "bell.seeAll": "Alle meldingen",
  "bell.empty": "Niets nieuws.",
  "bell.close": "Sluiten",
  "notifications.activityBy": "{name} in “{title}”",
  "notifications.activitySystem": "In “{title}”",
  "notifications.openIt": "Openen",
  "notifications.markRead": "Markeer als gelezen",

  "activity.title": "Activiteit",
  "activity.empty": "Hier is nog niets gebeurd.",
  "activity.system": "Common Ground",
  "activity.loadFailed": "De activiteit kon niet worden geladen. Het wordt opnieuw geprobeerd zodra de verbinding terug is.",

  "mentions.suggestions": "Leden om te noemen",

  "settings.digest.title": "E-mailoverzicht",
  "settings.digest.label": "Stuur me een e-mailoverzicht van ongelezen meldingen",
  "settings.digest.hint": "Hoogstens één per {hours, plural, one {# uur} other {# uur}}, alleen met wat nieuw is sinds het vorige.",
  "settings.digest.save": "Overzichtsinstelling opslaan",
  "settings.digest.saved": "Overzichtsinstelling opgeslagen.",
  "digest.subject": "{count, plural, one {# ongelezen melding} other {# ongelezen meldingen}} op Common Ground",
  "digest.intro": "Ongelezen sinds je vorige overzicht:",
  "digest.line": "- {title}: {what} ({link})",
  "digest.footer": "Je kunt dit overzicht uitzetten in je instellingen: {link}",

  "waiting.forYou": "Wacht op jou",
  "waiting.forThem": "Wacht op hen",
  "waiting.changeRequested":
    "{count, plural, one {# artikel waarvoor de andere partij een wijziging vraagt} other {# artikelen waarvoor de andere partij een wijziging vraagt}}",
  "waiting.yourAgreement": "{count, plural, one {# artikel wacht op het akkoord van je partij} other {# artikelen wachten op het akkoord van je partij}}",
  "waiting.theirAgreement": "{count, plural, one {# artikel wacht op hun akkoord} other {# artikelen wachten op hun akkoord}}",
  "waiting.yourChangeRequests": "{count, plural, one {# wijziging waar jullie om vroegen} other {# wijzigingen waar jullie om vroegen}}",
  "waiting.yourSignoff": "De ondertekening van je partij",
  "waiting.theirSignoff": "Hun ondertekening",
  "waiting.nothing": "Niets open",
};
