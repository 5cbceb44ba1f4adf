import type { Core } from '@strapi/strapi';
import type { ReportDataService } from './report-data';
import { getService } from '../utils/get-service';

export interface Candidate {
  documentId: string;
  name: string;
  email: string | null;
  /** employees: the party fields or component they come from; contacts: receives dunning */
  roles: string[];
}

const nameOf = (row: any, fields: string[]) => fields.map((f) => row?.[f]).filter(Boolean).join(' ');

/** Who may receive a customer's dunning email: its employees (salesmen, account manager) and its contacts. */
const recipientsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const data = (): ReportDataService => getService(strapi, 'report-data');
  return {
    async candidates(party: string): Promise<{ employees: Candidate[]; contacts: Candidate[] }> {
      const r = data().reports().recipients;
      const partyUid = getService(strapi, 'mapping').get().party.uid;
      const employees = new Map<string, Candidate>();
      const e = r.employees;
      if (e) {
        const select = ['documentId', e.emailField, ...e.nameFields];
        const populate: Record<string, unknown> = {};
        for (const f of e.partyFields) populate[f] = { select };
        if (e.component) populate[e.component.field] = { populate: { [e.component.employeeField]: { select } } };
        const row: any = await strapi.db.query(partyUid).findOne({ where: { documentId: party }, select: ['id'], populate });
        const add = (employee: any, role: string) => {
          if (!employee?.documentId) return;
          const known = employees.get(employee.documentId);
          if (known) return void known.roles.push(role);
          employees.set(employee.documentId, { documentId: employee.documentId, name: nameOf(employee, e.nameFields), email: employee[e.emailField] || null, roles: [role] });
        };
        for (const f of e.partyFields) add(row?.[f], f);
        if (e.component) for (const item of row?.[e.component.field] ?? []) add(item?.[e.component.employeeField], e.component.field);
      }
      const contacts: Candidate[] = [];
      const c = r.contacts;
      if (c) {
        const rows = await strapi.db.query(c.uid as any).findMany({
          where: { [c.partyField]: { documentId: party } },
          select: ['documentId', c.emailField, ...c.nameFields, ...(c.dunningFlag ? [c.dunningFlag] : [])],
          orderBy: [{ id: 'asc' }],
        });
        for (const row of rows as any[]) {
          contacts.push({ documentId: row.documentId, name: nameOf(row, c.nameFields), email: row[c.emailField] || null, roles: c.dunningFlag && row[c.dunningFlag] ? ['receivesDunning'] : [] });
        }
      }
      return { employees: [...employees.values()], contacts };
    },
  };
};

export default recipientsService;
