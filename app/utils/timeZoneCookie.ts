/** The cookie holding the browser's IANA time zone; read by `timeZone.server.ts` (why a cookie: there). */
export const timeZoneCookieName = "tz";

/** The inline script that keeps the `tz` cookie equal to the browser's zone (run before hydration). */
export const timeZoneCookieScript = `try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone,c="${timeZoneCookieName}="+encodeURIComponent(z);if(z&&(";"+document.cookie.replace(/ /g,"")+";").indexOf(";"+c+";")<0)document.cookie=c+"; Path=/; Max-Age=31536000; SameSite=Lax"}catch(e){}`;
