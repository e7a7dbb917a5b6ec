import type { Role } from '../libs/core/context/request-context.js';
import { PUBLISHED_PROJECTS } from './data/pool-2020-projects.js';

/** For the demo only: it says so, and the seed refuses to run in production. */
export const DEMO_PASSWORD = 'demo-kun-til-afproevning';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  municipalityCode?: string;
}

/** The kommuner of the 2020 pool's awards (leads and co-applicants), for their project leads' accounts. */
const POOL_KOMMUNER: Record<string, string> = {
  '101': 'København',
  '147': 'Frederiksberg',
  '157': 'Gentofte',
  '223': 'Hørsholm',
  '253': 'Greve',
  '316': 'Holbæk',
  '326': 'Kalundborg',
  '390': 'Vordingborg',
  '410': 'Middelfart',
  '440': 'Kerteminde',
  '479': 'Svendborg',
  '510': 'Haderslev',
  '530': 'Billund',
  '540': 'Sønderborg',
  '561': 'Esbjerg',
  '573': 'Varde',
  '621': 'Kolding',
  '630': 'Vejle',
  '657': 'Herning',
  '661': 'Holstebro',
  '671': 'Struer',
  '706': 'Syddjurs',
  '730': 'Randers',
  '751': 'Aarhus',
  '756': 'Ikast-Brande',
  '787': 'Thisted',
  '791': 'Viborg',
  '810': 'Brønderslev',
  '849': 'Jammerbugt',
  '851': 'Aalborg',
};

/** `Hørsholm` → `hoersholm`: Danish letters spelled out the way e-mail addresses do. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-');

const poolCodes = [...new Set(PUBLISHED_PROJECTS.flatMap((project) => [project.leadMunicipalityCode, ...project.coApplicantCodes]))].sort();

/** Two caseworkers, because the one who assesses may not decide (four-eyes); a project lead for each awarded kommune. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@tilskud.demo', name: 'Demo Administrator', role: 'admin' },
  { email: 'sagsbehandler1@tilskud.demo', name: 'Demo Sagsbehandler 1', role: 'caseworker' },
  { email: 'sagsbehandler2@tilskud.demo', name: 'Demo Sagsbehandler 2', role: 'caseworker' },
  ...poolCodes.map((code) => ({
    email: `projektleder.${slug(POOL_KOMMUNER[code] ?? code)}@tilskud.demo`,
    name: `Demo Projektleder ${POOL_KOMMUNER[code] ?? code}`,
    role: 'project_lead' as const,
    municipalityCode: code,
  })),
];

/** The lines `npm start` prints: staff one per line, the project leads a few to a line. */
export function describeDemoAccounts(): string {
  const staff = DEMO_ACCOUNTS.filter((account) => account.role !== 'project_lead');
  const leads = DEMO_ACCOUNTS.filter((account) => account.role === 'project_lead').map((account) => account.email.replace('@tilskud.demo', ''));
  const rows: string[] = [];
  for (let i = 0; i < leads.length; i += 4) rows.push(`      ${leads.slice(i, i + 4).join(', ')}`);
  return [
    `  Demo accounts (password for all: ${DEMO_PASSWORD}; for trying the system only):`,
    ...staff.map((account) => `    ${account.email.padEnd(30)} ${account.role}`),
    `    project leads of the ${leads.length} kommuner in the 2020 pool, <name>@tilskud.demo:`,
    ...rows,
  ].join('\n');
}
