import type { Role } from '@rapport/db';

/** A member of the demo staff; `key` is how the generators refer to them before they have an id. */
export interface StaffMember {
  key: string;
  name: string;
  email: string;
  role: Role;
  title: string;
  /** How often a promise this person makes is kept on time (drives promise outcomes). */
  reliability: number;
}

/** Staff keys to user ids, resolved once the users exist. */
export type StaffIds = Readonly<Record<string, string>>;

export const B2B_STAFF: readonly StaffMember[] = [
  staff('head', 'Claudia Meier', 'manager', 'Head of Customer Experience', 0.9),
  staff('am1', 'Luca Brunner', 'agent', 'Key Account Manager, Pharma', 0.92),
  staff('am2', 'Sophie Keller', 'agent', 'Key Account Manager, Biotech', 0.74),
  staff('am3', 'Daniel Favre', 'agent', 'Account Manager, Med-tech', 0.85),
  staff('am4', 'Aylin Demir', 'agent', 'Account Manager, Med-tech and Distribution', 0.62),
  staff('cs', 'Marco Bianchi', 'agent', 'Customer Success Manager', 0.88),
  staff('quality', 'Nina Widmer', 'agent', 'Quality and Complaints Specialist', 0.8),
  staff('marketing', 'Jonas Hofer', 'agent', 'Marketing Manager', 0.85),
  staff('viewer', 'Peter Gerber', 'viewer', 'Finance Controller', 0.9),
].map((member) => ({ ...member, email: emailOf(member.name, 'helvetia-cm.example') }));

export const B2C_STAFF: readonly StaffMember[] = [
  staff('head', 'Lena Vogel', 'manager', 'Head of Customer Experience', 0.9),
  staff('sup1', 'Tom Becker', 'agent', 'Customer Support', 0.86),
  staff('sup2', 'Sara Jansen', 'agent', 'Customer Support', 0.93),
  staff('sup3', 'Mehmet Yilmaz', 'agent', 'Customer Support, Social Media', 0.7),
  staff('marketing', 'Julia Fischer', 'agent', 'Marketing Lead', 0.85),
  staff('wholesale', 'Felix Wagner', 'agent', 'Wholesale Account Manager', 0.8),
  staff('viewer', 'Anja Hoffmann', 'viewer', 'Finance', 0.9),
].map((member) => ({ ...member, email: emailOf(member.name, 'beanandleaf.example') }));

function staff(key: string, name: string, role: Role, title: string, reliability: number) {
  return { key, name, role, title, reliability, email: '' };
}

function emailOf(name: string, domain: string): string {
  return `${name.toLowerCase().replace(/\s+/g, '.')}@${domain}`;
}

export function staffMember(list: readonly StaffMember[], key: string): StaffMember {
  const member = list.find((item) => item.key === key);
  if (!member) throw new Error(`no demo staff member ${key}`);
  return member;
}

export function firstName(member: StaffMember): string {
  return member.name.split(' ')[0]!;
}
