import { Router } from "express";
import type { AssistantService } from "../../assistant/index.ts";
import { presentAnswer } from "../../contracts/answer-object.ts";
import { validateBody } from "../middleware/validate.ts";
import { type ChatRequest, chatRequestSchema } from "./chat.schema.ts";

/** POST /api/chat — contract 3: the answer object plus sessionId. */
export function chatRoutes(assistant: AssistantService): Router {
  const router = Router();
  router.post("/api/chat", validateBody(chatRequestSchema), async (request, response) => {
    const body = request.body as ChatRequest;
    const started = performance.now();
    const result = await assistant.chat({
      sessionId: body.sessionId,
      message: body.message,
      clientMessageId: body.clientMessageId,
      citizenId: response.locals.citizenId as string | undefined,
    });
    response.json({ ...presentAnswer(result.reply, performance.now() - started), sessionId: result.sessionId });
  });
  return router;
}
