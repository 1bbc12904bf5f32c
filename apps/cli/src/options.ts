import type { Role } from '@rapport/db';
import { InvalidArgumentError, Option } from 'commander';

/** The roles, here rather than from core so that `--help` does not load core (checked both ways below). */
export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const satisfies readonly Role[];
type Missing = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: Missing extends never ? true : never = true;
void everyRoleListed;

export function roleOption(description: string, fallback: Role): Option {
  return new Option('--role <role>', description).choices(ROLES).default(fallback);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new InvalidArgumentError('Use a port number from 0 to 65535 (0 picks a free one).');
  }
  return port;
}

export function workspaceOption(): Option {
  return new Option('--workspace <id|slug>', 'workspace to act in (default: the only one)');
}
