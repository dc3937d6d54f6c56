import { Router } from "express";
import type { AssistantService } from "../../assistant/index.ts";
import { presentAnswer } from "../../contracts/answer-object.ts";
import { HttpError } from "../http-error.ts";
import { validateBody } from "../middleware/validate.ts";
import { type ChatRequest, chatRequestSchema } from "./chat.schema.ts";

/** POST /api/chat — contract 3: the answer object plus sessionId. */
export function chatRoutes(assistant: AssistantService): Router {
  const router = Router();
  router.post("/api/chat", validateBody(chatRequestSchema), async (request, response) => {
    const body = request.body as ChatRequest;
    const citizenId = response.locals.citizenId as string | undefined;
    if (body.sessionId) {
      // A signed-in citizen's conversation continues only with that citizen's token.
      const owner = (await assistant.session(body.sessionId))?.citizenId;
      if (owner && owner !== citizenId) {
        throw new HttpError(403, "forbidden", "sessionId: this conversation belongs to another citizen", "sessionId");
      }
    }
    const started = performance.now();
    const result = await assistant.chat({
      sessionId: body.sessionId,
      message: body.message,
      clientMessageId: body.clientMessageId,
      citizenId,
    });
    response.json({ ...presentAnswer(result.reply, performance.now() - started), sessionId: result.sessionId });
  });
  return router;
}
