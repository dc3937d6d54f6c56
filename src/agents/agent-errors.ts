/** Errors of agent sign-in and permissions; `code` is stable, the server maps it to 401/403. */
export class AgentAuthError extends Error {
  constructor(
    readonly code: "invalid_credentials" | "unauthenticated" | "forbidden" | "username_taken",
    message: string,
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends AgentAuthError {
  override readonly name = "InvalidCredentialsError";
  constructor() {
    super("invalid_credentials", "wrong username or password");
  }
}

export class UnauthenticatedError extends AgentAuthError {
  override readonly name = "UnauthenticatedError";
  constructor() {
    super("unauthenticated", "an agent sign-in is required");
  }
}

export class ForbiddenError extends AgentAuthError {
  override readonly name = "ForbiddenError";
  constructor(permission: string) {
    super("forbidden", `this account may not ${permission}`);
  }
}

export class UsernameTakenError extends AgentAuthError {
  override readonly name = "UsernameTakenError";
  constructor(username: string) {
    super("username_taken", `agent ${username} already exists`);
  }
}
