import { z } from "zod";
import { scheduleIdPattern } from "./ids";

/**
 * An id from outside (a URL, a form, a JSON body), checked at the boundary. Apart from ./ids.ts,
 * whose newId the browser bundles: the classic compiler's split build takes along every module an
 * imported file imports, used or not, so zod would ride along to every page that mints ids.
 */
export const idSchema = z.string().regex(scheduleIdPattern);
