import { Book, Briefcase, Calendar, Clock, PriceTag } from '@strapi/icons';
import { CONTRACT_UID, FLOW_UIDS } from '../flow';
import { noteAction } from './noteAction';

// The delivery notes born of something else than an order (README, "Delivery notes from contracts,
// expenses and training sessions"): one action on each source's edit view.

export const ContractDeliveryAction = noteAction({
  id: 'contractNote',
  title: 'Make the delivery note',
  confirm: 'Make the delivery note',
  intro: 'The delivery note of one billing period: the next one not yet billed, or the one that starts on the day you give.',
  model: CONTRACT_UID,
  path: (id) => `maintenance-contracts/${id}/deliveries`,
  fields: ['periodStart', 'number', 'date'],
  when: (doc) => doc.state === 'active',
  icon: <Calendar />,
});

export const ExpensesRebillingAction = noteAction({
  id: 'expensesNote',
  title: 'Rebill the expenses',
  confirm: 'Make the delivery note',
  intro: 'The rebillable expenses of this project’s approved expense reports that were not rebilled yet, on one delivery note for the project’s customer.',
  model: 'api::project.project',
  path: (id) => `projects/${id}/expenses-rebilling`,
  fields: ['number', 'date'],
  when: (doc) => doc.state === 'active' || doc.state === 'closed',
  icon: <Briefcase />,
});

export const TrainingDeliveryAction = noteAction({
  id: 'trainingNote',
  title: 'Deliver the held sessions',
  confirm: 'Make the delivery note',
  intro: 'The held sessions of this training opportunity that were not delivered yet, on one delivery note.',
  model: 'api::training-opportunity.training-opportunity',
  path: (id) => `training-opportunities/${id}/deliveries`,
  fields: ['number', 'date'],
  when: (doc) => doc.state === 'won',
  icon: <Book />,
});

const PROJECT = 'api::project.project';
const openProject = (doc: Record<string, any>) => doc.state === 'draft' || doc.state === 'active';

export const QuoteTasksAction = noteAction({
  id: 'quoteTasks',
  title: 'Quote the tasks',
  confirm: 'Make the quotation',
  intro: 'The project’s tasks not yet quoted, at their planned days and daily rate, on one draft quotation for the project’s customer.',
  model: PROJECT,
  path: (id) => `projects/${id}/quotations`,
  fixed: { from: 'tasks' },
  made: FLOW_UIDS.quotation,
  fields: ['number', 'date', 'validUntil'],
  when: openProject,
  icon: <PriceTag />,
});

export const QuoteScheduleAction = noteAction({
  id: 'quoteSchedule',
  title: 'Quote the billing schedule',
  confirm: 'Make the quotation',
  intro: 'The project’s billing schedule lines neither quoted nor billed yet, on one draft quotation for the project’s customer.',
  model: PROJECT,
  path: (id) => `projects/${id}/quotations`,
  fixed: { from: 'schedule' },
  made: FLOW_UIDS.quotation,
  fields: ['number', 'date', 'validUntil'],
  when: openProject,
  icon: <PriceTag />,
});

export const BillScheduleAction = noteAction({
  id: 'billSchedule',
  title: 'Bill the due schedule lines',
  confirm: 'Make the delivery note',
  intro: 'The billing schedule lines due on the day (today when empty) and neither quoted nor billed yet, on one delivery note.',
  model: PROJECT,
  path: (id) => `projects/${id}/schedule-billing`,
  fields: ['dueDate', 'number', 'date'],
  when: (doc) => doc.state === 'active',
  icon: <Clock />,
});
