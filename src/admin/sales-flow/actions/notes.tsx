import { Calendar, Briefcase, Book } from '@strapi/icons';
import { CONTRACT_UID } from '../flow';
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
