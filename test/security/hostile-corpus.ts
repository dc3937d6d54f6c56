/** Hostile inputs for every endpoint and socket event (issue 11): each must be refused with a 4xx. */

export interface HostileBody {
  name: string;
  contentType: string;
  body: string | Buffer;
}

const json = (name: string, value: unknown): HostileBody => ({
  name,
  contentType: "application/json",
  body: JSON.stringify(value),
});

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

export const SCRIPT = "<script>alert(1)</script>";
export const SQL = "x' OR '1'='1'; DROP TABLE tickets; --";

/** Bodies no endpoint may accept, whatever its schema. */
export const HOSTILE_BODIES: HostileBody[] = [
  { name: "malformed JSON", contentType: "application/json", body: '{"message": "hi", ' },
  json("a top-level array", [1, 2, 3]),
  { name: "a top-level string", contentType: "application/json", body: '"just a string"' },
  json("wrong types in every usual field", {
    message: 123,
    sessionId: ["x"],
    citizenId: { id: 1 },
    facts: "not-an-object",
    fields: 42,
    status: false,
    text: null,
    username: 7,
    password: [],
  }),
  json("a 200 kB body", { message: "长".repeat(70_000) }),
  json("a 100 kB message", { message: "a".repeat(100_000) }),
  { name: "deep nesting", contentType: "application/json", body: `{"facts":${nested(3000)}}` },
  {
    name: "control characters",
    contentType: "application/json",
    body: '{"message":"hi\\u0000\\u001b[2J","text":"\\u0007"}',
  },
  {
    name: "a lone surrogate",
    contentType: "application/json",
    body: '{"message":"bad \\udc00 half","text":"\\ud83d"}',
  },
  { name: "a __proto__ key", contentType: "application/json", body: '{"__proto__":{"isAdmin":true},"message":"hi"}' },
  json("a constructor.prototype key", { constructor: { prototype: { isAdmin: true } } }),
  json("HTML/script in id fields", {
    sessionId: SCRIPT,
    citizenId: SCRIPT,
    draftId: "<img src=x onerror=alert(1)>",
    status: "<b>closed</b>",
  }),
  json("SQL fragments in id fields", { sessionId: SQL, citizenId: SQL, status: SQL, matterId: SQL }),
  { name: "a non-JSON content type", contentType: "text/plain", body: "message=hi" },
  { name: "a form-encoded body", contentType: "application/x-www-form-urlencoded", body: "message=hi&__proto__[x]=1" },
  {
    name: "invalid UTF-8",
    contentType: "application/json",
    body: Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
  },
];

/** Values put where a route expects an id. */
export const HOSTILE_IDS = ["no-such-id-000", SQL, SCRIPT, "../../../../etc/passwd", "%00", "a".repeat(400)];

/** Socket event payloads no event may accept. */
export const HOSTILE_PAYLOADS: Array<{ name: string; payload: unknown }> = [
  { name: "a number", payload: 123 },
  { name: "a string", payload: "just a string" },
  { name: "null", payload: null },
  { name: "an array", payload: [1, 2] },
  {
    name: "wrong types",
    payload: { sessionId: 1, message: ["x"], ticketId: {}, draftId: false, seq: "1", text: 5, fields: "x" },
  },
  { name: "deep nesting", payload: { sessionId: JSON.parse(nested(200)) } },
  { name: "a __proto__ key", payload: JSON.parse('{"__proto__":{"isAdmin":true},"sessionId":"abcdefgh"}') },
  { name: "control characters", payload: { sessionId: "abcdefgh", message: "hi\u0000\u001b", text: "\u0007" } },
  { name: "a lone surrogate", payload: { sessionId: "abcdefgh", message: "bad \ud800 half", text: "\udc00" } },
  { name: "HTML in id fields", payload: { sessionId: SCRIPT, ticketId: SCRIPT, draftId: SCRIPT } },
  { name: "SQL in id fields", payload: { sessionId: SQL, ticketId: SQL, draftId: SQL } },
];
