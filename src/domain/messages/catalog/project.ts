import type { Texts } from '../render';

/** A project's tasks and billing schedule (src/domain/project-plan.ts). */
export const projectTexts = {
  projectTaskAmountNotProduct: {
    en: 'plannedAmountExclTax must be planned days × daily rate = {amount}',
    fr: 'le montant prévu HT doit valoir jours prévus × taux journalier = {amount}',
  },
  projectTaskNeedsPrice: {
    en: 'a task gives planned days and a daily rate, or a planned amount',
    fr: 'une tâche indique des jours prévus et un taux journalier, ou un montant prévu',
  },
  projectPercentageNeedsAmount: {
    en: 'a percentage of the project needs the project amount (amountExclTax)',
    fr: 'un pourcentage du projet demande le montant HT du projet',
  },
  projectScheduleAmountNotPercentage: {
    en: 'amountExclTax must be {percentage} % of the project amount = {amount}',
    fr: 'le montant HT doit valoir {percentage} % du montant du projet = {amount}',
  },
  projectScheduleLineNeedsAmount: {
    en: 'a schedule line gives an amount or a percentage of the project',
    fr: 'une échéance indique un montant ou un pourcentage du projet',
  },
  projectScheduleAboveProject: {
    en: 'the schedule comes to {total}, more than the project amount {projectAmount}',
    fr: 'l’échéancier s’élève à {total}, plus que le montant du projet ({projectAmount})',
  },
} satisfies Record<string, Texts>;
