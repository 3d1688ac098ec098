import type { Locale } from "../i18n/index";
import type { ScheduleTemplate } from "../editor/scheduleTemplate";

// The terms every generated clause relies on, defined once, first, so that each clause can use them
// as capitalised terms and stand alone. Party names are "Buyer"/"Supplier" and "Afnemer"/"Leverancier",
// as in every clause text of the catalogue. Incident and vulnerability follow NIS2 Art. 6(6) and 6(15).
const terms: Record<Locale, [term: string, meaning: string][]> = {
  en: [
    ["Agreement", "the contract between the Buyer and the Supplier of which this Schedule forms part."],
    ["Buyer", "the party that procures the Service under the Agreement."],
    ["Supplier", "the party that provides the Service under the Agreement."],
    ["Schedule", "this security schedule, including the annexes it refers to."],
    ["Service", "the services and deliverables the Supplier provides under the Agreement, including any Software, as described in the Agreement."],
    ["Software", "software the Supplier develops, supplies or operates for the Buyer as part of the Service, including updates."],
    [
      "Buyer Data",
      "all data, including Personal Data, that the Buyer or its users provide to the Supplier, or that the Supplier creates, collects or processes for the Buyer in providing the Service.",
    ],
    ["Personal Data", "personal data as defined in Article 4(1) GDPR that forms part of Buyer Data."],
    ["Personal Data Breach", "a personal data breach as defined in Article 4(12) GDPR affecting Buyer Data."],
    [
      "Security Incident",
      "an event that compromises, or is reasonably suspected of compromising, the availability, authenticity, integrity or confidentiality of the Service or of Buyer Data, including a Personal Data Breach.",
    ],
    [
      "Vulnerability",
      "a weakness, susceptibility or flaw of the Service, or of a system, process or control used for it, that can be exploited by a cyber threat.",
    ],
    ["Subcontractor", "any third party, including a sub-processor, that the Supplier engages to perform part of the Service."],
    ["Working Day", "a day other than a Saturday, a Sunday or a public holiday at the Buyer's registered office."],
  ],
  nl: [
    ["Overeenkomst", "de overeenkomst tussen Afnemer en Leverancier waarvan deze Bijlage deel uitmaakt."],
    ["Afnemer", "de partij die de Dienst op grond van de Overeenkomst afneemt."],
    ["Leverancier", "de partij die de Dienst op grond van de Overeenkomst levert."],
    ["Bijlage", "deze beveiligingsbijlage, met de bijlagen waarnaar zij verwijst."],
    ["Dienst", "de diensten en producten die Leverancier op grond van de Overeenkomst levert, met inbegrip van Software, zoals beschreven in de Overeenkomst."],
    ["Software", "programmatuur die Leverancier als onderdeel van de Dienst voor Afnemer ontwikkelt, levert of beheert, met inbegrip van updates."],
    [
      "Gegevens van Afnemer",
      "alle gegevens, met inbegrip van Persoonsgegevens, die Afnemer of zijn gebruikers aan Leverancier verstrekken, of die Leverancier voor Afnemer bij het leveren van de Dienst aanmaakt, verzamelt of verwerkt.",
    ],
    ["Persoonsgegevens", "persoonsgegevens in de zin van artikel 4, onderdeel 1, AVG die deel uitmaken van de Gegevens van Afnemer."],
    ["Inbreuk in verband met persoonsgegevens", "een inbreuk in de zin van artikel 4, onderdeel 12, AVG die Gegevens van Afnemer raakt."],
    [
      "Beveiligingsincident",
      "een gebeurtenis die de beschikbaarheid, authenticiteit, integriteit of vertrouwelijkheid van de Dienst of van Gegevens van Afnemer in gevaar brengt of waarvan dat redelijkerwijs wordt vermoed, met inbegrip van een Inbreuk in verband met persoonsgegevens.",
    ],
    [
      "Kwetsbaarheid",
      "een zwakke plek, gevoeligheid of gebrek van de Dienst, of van een systeem, proces of beheersmaatregel daarvoor, die door een cyberdreiging kan worden uitgebuit.",
    ],
    ["Onderaannemer", "een derde, met inbegrip van een subverwerker, die Leverancier inschakelt om een deel van de Dienst uit te voeren."],
    ["Werkdag", "een dag die geen zaterdag, zondag of officiële feestdag is op de plaats van vestiging van Afnemer."],
  ],
};

const headings: Record<Locale, { section: string; clause: string; intro: string }> = {
  en: { section: "Definitions", clause: "Definitions", intro: "In this Schedule, the following capitalised terms have the meaning given here:" },
  nl: {
    section: "Begrippen",
    clause: "Definities",
    intro: "In deze Bijlage hebben de volgende met een hoofdletter geschreven begrippen de hier gegeven betekenis:",
  },
};

/** The schedule's first section: the defined terms, in the schedule's language. */
export function definitionsSection(locale: Locale): ScheduleTemplate["sections"][number] {
  const { section, clause, intro } = headings[locale];
  const list = terms[locale].map(([term, meaning]) => `- ${term}: ${meaning}`).join("\n");
  return { heading: section, clauses: [{ heading: clause, requirement: null, body: [intro, list] }] };
}
