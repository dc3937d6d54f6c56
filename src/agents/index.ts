export type { Agent, AgentAccount, AgentRole, AgentStore } from "./agent.ts";
export { AGENT_ROLES } from "./agent.ts";
export {
  AGENT_TOKEN_PREFIX,
  AgentAuthService,
  type AgentSignIn,
  DEMO_AGENT_USERNAME,
  type NewAgentAccount,
} from "./agent-auth.service.ts";
export {
  AgentAuthError,
  ForbiddenError,
  InvalidCredentialsError,
  UnauthenticatedError,
  UsernameTakenError,
} from "./agent-errors.ts";
export { AGENT_PERMISSIONS, type AgentPermission, can } from "./agent-policy.ts";
export { PasswordHasher } from "./password-hasher.ts";
