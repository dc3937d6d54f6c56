import type { AgentRole } from "./agent.ts";

/**
 * Who may do what in the console, as data. Observers (e.g. trainees) see the queue and tickets but
 * cannot act; supervisors may also act on tickets assigned to others.
 */
export const AGENT_PERMISSIONS = {
  "tickets.read": ["agent", "supervisor", "observer"],
  "tickets.work": ["agent", "supervisor"],
  "tickets.supervise": ["supervisor"],
} as const satisfies Record<string, readonly AgentRole[]>;

export type AgentPermission = keyof typeof AGENT_PERMISSIONS;

export function can(role: AgentRole, permission: AgentPermission): boolean {
  return (AGENT_PERMISSIONS[permission] as readonly AgentRole[]).includes(role);
}
