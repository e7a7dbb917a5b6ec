import { randomUUID } from 'node:crypto';
import type { Role } from '../../libs/core/context/request-context.js';
import type { User } from '../../libs/auth/user.entity.js';
import { UsersService } from '../../libs/auth/users.service.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'en lang og sikker adgangsfrase';

export interface SignedInUser {
  user: User;
  email: string;
  accessToken: string;
  refreshToken: string;
  /** `Authorization: Bearer …` for supertest's `.set(...)`. */
  bearer: Record<'Authorization', string>;
}

/** A user made directly through the service (an admin would be needed to make one over HTTP). */
export async function givenUser(api: TestApp, role: Role, municipalityCode?: string, password = TEST_PASSWORD): Promise<User> {
  const email = `${role.replace('_', '-')}-${randomUUID().slice(0, 8)}@test.tilskud.dk`;
  const name = `Test ${role} ${municipalityCode ?? ''}`.trim();
  return api.app.get(UsersService).create({ email, name, role, password, municipalityCode }, null);
}

export async function signIn(api: TestApp, email: string, password = TEST_PASSWORD) {
  const response = await api.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body as { accessToken: string; refreshToken: string; user: { id: string } };
}

/** A new user of the role, signed in over HTTP. */
export async function signedInAs(api: TestApp, role: Role, municipalityCode?: string): Promise<SignedInUser> {
  const user = await givenUser(api, role, role === 'project_lead' ? (municipalityCode ?? '621') : undefined);
  const { accessToken, refreshToken } = await signIn(api, user.email);
  return { user, email: user.email, accessToken, refreshToken, bearer: { Authorization: `Bearer ${accessToken}` } };
}

/** The people of a grant case's tests, each a new user signed in over HTTP. */
export interface CaseCast {
  admin: SignedInUser;
  /** A project lead of the case's kommune, and one of another kommune. */
  lead: SignedInUser;
  otherLead: SignedInUser;
  /** Three caseworkers: who assesses, who decides, and who reviews what follows the award (four eyes). */
  assessor: SignedInUser;
  decider: SignedInUser;
  reviewer: SignedInUser;
  /** Those who take a case to its decision (grant-case's givenAssessed and givenAward). */
  people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
}

/** A {@link CaseCast}, the leads of these two kommuner. */
export async function signedInCast(api: TestApp, leadKommune: string, otherLeadKommune: string): Promise<CaseCast> {
  const admin = await signedInAs(api, 'admin');
  const lead = await signedInAs(api, 'project_lead', leadKommune);
  const otherLead = await signedInAs(api, 'project_lead', otherLeadKommune);
  const assessor = await signedInAs(api, 'caseworker');
  const decider = await signedInAs(api, 'caseworker');
  const reviewer = await signedInAs(api, 'caseworker');
  return { admin, lead, otherLead, assessor, decider, reviewer, people: { lead, assessor, decider } };
}
