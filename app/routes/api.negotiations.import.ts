import type { ActionFunctionArgs } from "@remix-run/node";
import { apiResponse, DomainError, refuse } from "../utils/respond.server";
import { requireUser } from "../utils/member.server";
import { readImportUpload, startFromWord } from "../utils/wordImport.server";

/**
 * POST /api/negotiations/import — multipart: `file` (.docx, at most 20 MB) and the basics of
 * POST /api/negotiations (title, side, ourOrg, counterpartyOrg). Creates the negotiation at once,
 * each clause linked to its suggested requirement; 201 {id, proposals} with the number of
 * tracked changes handed over as proposals.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  if (request.method !== "POST") refuse(request, context, new DomainError(405, "error.methodNotAllowed"), "api");
  return apiResponse(
    request,
    context,
    async () => {
      const { basics, parsed } = await readImportUpload(request);
      return startFromWord(context.services, user.id, { basics, parsed });
    },
    201,
  );
}
