import { defineMessages } from '../define-messages.js';

/** Codes sent by e-mail, SMS and voice: the messages that carry them, and their errors. */
export const codeMethodMessages = defineMessages({
  en: {
    'error.invalid_phone': 'That is not a valid phone number. Check the number and the country.',
    'error.country_not_allowed': 'We cannot send codes to phone numbers in that country.',
    'error.delivery_failed': 'We could not send the code. Try another method.',
    'code.sms': 'Your {app} code is {code}.',
    'code.voice': 'Your {app} code is {digits}.',
    'code.mail.signIn.subject': 'Your {app} sign-in code',
    'code.mail.signIn.body':
      'Your code to sign in to {email} is:\n\n{code}\n\nIt works once, for 10 minutes. If you did not try to sign in, someone knows your password: change it now.',
    'code.mail.enroll.subject': 'Confirm your {app} e-mail code',
    'code.mail.enroll.body':
      'Enter this code to use {email} for two-factor authentication:\n\n{code}\n\nIt works once, for 10 minutes. If you did not ask for this, ignore this message.',
    'audit.code_send_limited': 'Too many codes were requested; sending was paused',
    'audit.code_delivery_failed': 'A code could not be sent',
  },
  nl: {
    'error.invalid_phone': 'Dat is geen geldig telefoonnummer. Controleer het nummer en het land.',
    'error.country_not_allowed': 'We kunnen geen codes sturen naar telefoonnummers in dat land.',
    'error.delivery_failed': 'We konden de code niet versturen. Probeer een andere methode.',
    'code.sms': 'Uw {app}-code is {code}.',
    'code.voice': 'Uw {app}-code is {digits}.',
    'code.mail.signIn.subject': 'Uw inlogcode voor {app}',
    'code.mail.signIn.body':
      'Uw code om in te loggen op {email} is:\n\n{code}\n\nDe code werkt één keer, 10 minuten lang. Probeerde u niet in te loggen? Dan kent iemand uw wachtwoord: wijzig het nu.',
    'code.mail.enroll.subject': 'Bevestig uw e-mailcode voor {app}',
    'code.mail.enroll.body':
      'Voer deze code in om {email} te gebruiken voor tweestapsverificatie:\n\n{code}\n\nDe code werkt één keer, 10 minuten lang. Hebt u hier niet om gevraagd? Negeer dan dit bericht.',
    'audit.code_send_limited': 'Er werden te veel codes aangevraagd; het versturen is gepauzeerd',
    'audit.code_delivery_failed': 'Een code kon niet worden verstuurd',
  },
  sv: {
    'error.invalid_phone': 'Det är inte ett giltigt telefonnummer. Kontrollera numret och landet.',
    'error.country_not_allowed': 'Vi kan inte skicka koder till telefonnummer i det landet.',
    'error.delivery_failed': 'Vi kunde inte skicka koden. Prova en annan metod.',
    'code.sms': 'Din {app}-kod är {code}.',
    'code.voice': 'Din {app}-kod är {digits}.',
    'code.mail.signIn.subject': 'Din inloggningskod för {app}',
    'code.mail.signIn.body':
      'Din kod för att logga in på {email} är:\n\n{code}\n\nDen fungerar en gång, i 10 minuter. Om du inte försökte logga in känner någon till ditt lösenord: byt det nu.',
    'code.mail.enroll.subject': 'Bekräfta din e-postkod för {app}',
    'code.mail.enroll.body':
      'Ange den här koden för att använda {email} för tvåfaktorsautentisering:\n\n{code}\n\nDen fungerar en gång, i 10 minuter. Om du inte bad om detta kan du ignorera meddelandet.',
    'audit.code_send_limited': 'För många koder begärdes; utskicket pausades',
    'audit.code_delivery_failed': 'En kod kunde inte skickas',
  },
  'pt-BR': {
    'error.invalid_phone': 'Esse não é um número de telefone válido. Confira o número e o país.',
    'error.country_not_allowed': 'Não podemos enviar códigos para números de telefone desse país.',
    'error.delivery_failed': 'Não conseguimos enviar o código. Tente outro método.',
    'code.sms': 'Seu código do {app} é {code}.',
    'code.voice': 'Seu código do {app} é {digits}.',
    'code.mail.signIn.subject': 'Seu código de acesso do {app}',
    'code.mail.signIn.body':
      'Seu código para entrar em {email} é:\n\n{code}\n\nEle funciona uma vez, por 10 minutos. Se não foi você que tentou entrar, alguém sabe a sua senha: troque-a agora.',
    'code.mail.enroll.subject': 'Confirme seu código de e-mail do {app}',
    'code.mail.enroll.body':
      'Digite este código para usar {email} na autenticação em dois fatores:\n\n{code}\n\nEle funciona uma vez, por 10 minutos. Se você não pediu isso, ignore esta mensagem.',
    'audit.code_send_limited': 'Foram pedidos códigos demais; o envio foi pausado',
    'audit.code_delivery_failed': 'Não foi possível enviar um código',
  },
});
