import type { Texts } from '../render';

/** A dunning email: its body's checks, and the mail server's failures in a clerk's words. */
export const emailTexts = {
  attachmentsList: {
    en: 'attachments must be a list of at most {max} files',
    fr: 'les pièces jointes doivent être une liste d’au plus {max} fichiers',
  },
  attachmentFilename: {
    en: 'filename must be a file name (1 to 200 characters, no path)',
    fr: 'le nom du fichier doit être un nom de fichier (1 à 200 caractères, sans chemin)',
  },
  attachmentType: {
    en: 'contentType must be a MIME type such as application/pdf',
    fr: 'le type du fichier doit être un type MIME, par exemple application/pdf',
  },
  attachmentBase64: {
    en: 'base64 must be the file content in base64',
    fr: 'le contenu du fichier doit être donné en base64',
  },
  attachmentsTooBig: {
    en: 'attachments must not exceed {kb} KB in total',
    fr: 'les pièces jointes ne doivent pas dépasser {kb} Ko au total',
  },
  emailPartyFromRoute: {
    en: "party is the route's {party}; leave it out or repeat it",
    fr: 'le client est celui de la route, {party} : omettez-le ou répétez-le',
  },
  recipientsNotList: {
    en: 'recipients.{kind} must be a list of documentIds',
    fr: 'les destinataires ({kind}) doivent être une liste de documentId',
  },
  recipientNotOfParty: {
    en: "{id} is not one of this customer's {kind}",
    fr: '{id} ne fait pas partie des {kind} de ce client',
  },
  recipientNoEmail: {
    en: '{name} has no email address',
    fr: '{name} n’a pas d’adresse e-mail',
  },
  recipientsNone: {
    en: 'choose at least one employee or contact with an email address',
    fr: 'choisissez au moins un salarié ou un contact qui a une adresse e-mail',
  },
  recipientsEmployees: { en: 'employees', fr: 'salariés' },
  recipientsContacts: { en: 'contacts', fr: 'contacts' },
  nothingToDun: {
    en: 'this customer has no overdue invoice to dun with these criteria (due before {day})',
    fr: 'ce client n’a aucune facture échue avant le {day} à relancer avec ces critères',
  },
  smtpRefused: {
    en: 'the email could not be sent: the mail server {server} refused the connection',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} a refusé la connexion',
  },
  smtpUnknownHost: {
    en: 'the email could not be sent: the mail server {server} is not known (check its name)',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} est inconnu (vérifiez son nom)',
  },
  smtpNoAnswer: {
    en: 'the email could not be sent: the mail server {server} did not answer in time',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} n’a pas répondu à temps',
  },
  smtpLoginRefused: {
    en: 'the email could not be sent: the mail server {server} refused the login (check the SMTP user and password)',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} a refusé l’identification (vérifiez l’utilisateur et le mot de passe SMTP)',
  },
  smtpRecipientsRefused: {
    en: 'the email could not be sent: the mail server {server} refused the sender or the recipients',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} a refusé l’expéditeur ou les destinataires',
  },
  smtpFailed: {
    en: 'the email could not be sent: the mail server {server} answered with an error',
    fr: 'l’e-mail n’a pas pu être envoyé : le serveur de messagerie {server} a répondu par une erreur',
  },
} satisfies Record<string, Texts>;
