import { defineMessages } from '../define-messages.js';

/** Proving the account address: the link's e-mail, the page it lands on, the notice until then. */
export const emailVerificationMessages = defineMessages({
  en: {
    'verifyEmail.notice.wait':
      'A link went out less than a minute ago. Look in your inbox, or try again in a minute.',
    'verifyEmail.ready.title': 'Confirm your e-mail address',
    'verifyEmail.ready.text': 'One click to confirm that {email} is your address.',
    'verifyEmail.ready.submit': 'Confirm my address',
    'error.email_unverified':
      'Confirm your e-mail address first: open the link we sent you. You can send it again from the Security page.',
    'audit.email_verification_sent': 'Link sent to confirm the e-mail address',
    'audit.email_verified': 'E-mail address confirmed',
    'mail.verifyEmail.subject': 'Confirm your e-mail address for {app}',
    'mail.verifyEmail.body': 'Open this link to confirm that {email} is your address for {app}:',
    'mail.verifyEmail.expiry': 'The link works once and expires in {hours} hours.',
    'mail.verifyEmail.notExpected':
      'Did not create an account? You can ignore this e-mail: the address stays unconfirmed.',
    'verifyEmail.verified.title': 'E-mail address confirmed',
    'verifyEmail.verified.message': '{email} is confirmed. Thank you.',
    'verifyEmail.verified.detail': 'You can now invite people to an organization and accept invitations.',
    'verifyEmail.used.title': 'This link was already used',
    'verifyEmail.used.verified':
      'Each link works once. {email} is already confirmed: there is nothing more to do.',
    'verifyEmail.used.unverified': 'Each link works once. Send yourself a new one from the Security page.',
    'verifyEmail.expired.title': 'This link has expired',
    'verifyEmail.expired.message': 'Links to confirm an address work for 24 hours.',
    'verifyEmail.invalid.title': 'This link does not work',
    'verifyEmail.invalid.message': 'Open the whole link from the e-mail, or send yourself a new one.',
    'verifyEmail.sendNew': 'Sign in and send a new link from the Security page.',
    'verifyEmail.toSecurity': 'Go to the Security page',
    'verifyEmail.notice.title': 'Confirm your e-mail address',
    'verifyEmail.notice.text':
      'We sent a link to {email}. Until you open it, you cannot invite people or accept invitations.',
    'verifyEmail.notice.resend': 'Send the link again',
    'verifyEmail.notice.sent': 'A new link is on its way to {email}. It works for 24 hours.',
  },
  nl: {
    'verifyEmail.ready.title': 'Bevestig uw e-mailadres',
    'verifyEmail.ready.text': 'Eén klik om te bevestigen dat {email} uw adres is.',
    'verifyEmail.ready.submit': 'Mijn adres bevestigen',
    'error.email_unverified':
      'Bevestig eerst uw e-mailadres: open de link die we u stuurden. U kunt hem opnieuw versturen via de pagina Beveiliging.',
    'audit.email_verification_sent': 'Link verstuurd om het e-mailadres te bevestigen',
    'audit.email_verified': 'E-mailadres bevestigd',
    'mail.verifyEmail.subject': 'Bevestig uw e-mailadres voor {app}',
    'mail.verifyEmail.body': 'Open deze link om te bevestigen dat {email} uw adres voor {app} is:',
    'mail.verifyEmail.expiry': 'De link werkt één keer en verloopt over {hours} uur.',
    'mail.verifyEmail.notExpected':
      'Hebt u geen account aangemaakt? Dan kunt u deze e-mail negeren: het adres blijft onbevestigd.',
    'verifyEmail.verified.title': 'E-mailadres bevestigd',
    'verifyEmail.verified.message': '{email} is bevestigd. Dank u.',
    'verifyEmail.verified.detail':
      'U kunt nu mensen uitnodigen voor een organisatie en uitnodigingen accepteren.',
    'verifyEmail.used.title': 'Deze link is al gebruikt',
    'verifyEmail.used.verified':
      'Elke link werkt één keer. {email} is al bevestigd: u hoeft niets meer te doen.',
    'verifyEmail.used.unverified':
      'Elke link werkt één keer. Stuur uzelf een nieuwe via de pagina Beveiliging.',
    'verifyEmail.expired.title': 'Deze link is verlopen',
    'verifyEmail.expired.message': 'Links om een adres te bevestigen werken 24 uur.',
    'verifyEmail.invalid.title': 'Deze link werkt niet',
    'verifyEmail.invalid.message': 'Open de hele link uit de e-mail, of stuur uzelf een nieuwe.',
    'verifyEmail.sendNew': 'Log in en stuur een nieuwe link via de pagina Beveiliging.',
    'verifyEmail.toSecurity': 'Naar Beveiliging',
    'verifyEmail.notice.title': 'Bevestig uw e-mailadres',
    'verifyEmail.notice.text':
      'We stuurden een link naar {email}. Tot u die opent, kunt u geen mensen uitnodigen en geen uitnodigingen accepteren.',
    'verifyEmail.notice.resend': 'Link opnieuw versturen',
    'verifyEmail.notice.sent': 'Er is een nieuwe link onderweg naar {email}. Hij werkt 24 uur.',
    'verifyEmail.notice.wait':
      'Er ging minder dan een minuut geleden al een link weg. Kijk in uw inbox, of probeer het zo opnieuw.',
  },
  sv: {
    'verifyEmail.notice.wait':
      'En länk skickades för mindre än en minut sedan. Titta i inkorgen, eller försök igen om en stund.',
    'verifyEmail.ready.title': 'Bekräfta din e-postadress',
    'verifyEmail.ready.text': 'Ett klick för att bekräfta att {email} är din adress.',
    'verifyEmail.ready.submit': 'Bekräfta min adress',
    'error.email_unverified':
      'Bekräfta din e-postadress först: öppna länken vi skickade. Du kan skicka den igen från sidan Säkerhet.',
    'audit.email_verification_sent': 'Länk skickad för att bekräfta e-postadressen',
    'audit.email_verified': 'E-postadressen bekräftades',
    'mail.verifyEmail.subject': 'Bekräfta din e-postadress för {app}',
    'mail.verifyEmail.body': 'Öppna den här länken för att bekräfta att {email} är din adress för {app}:',
    'mail.verifyEmail.expiry': 'Länken fungerar en gång och slutar gälla om {hours} timmar.',
    'mail.verifyEmail.notExpected':
      'Har du inte skapat något konto? Då kan du strunta i det här mejlet: adressen förblir obekräftad.',
    'verifyEmail.verified.title': 'E-postadressen är bekräftad',
    'verifyEmail.verified.message': '{email} är bekräftad. Tack.',
    'verifyEmail.verified.detail':
      'Nu kan du bjuda in personer till en organisation och tacka ja till inbjudningar.',
    'verifyEmail.used.title': 'Den här länken har redan använts',
    'verifyEmail.used.verified':
      'Varje länk fungerar en gång. {email} är redan bekräftad: du behöver inte göra något mer.',
    'verifyEmail.used.unverified':
      'Varje länk fungerar en gång. Skicka en ny till dig själv från sidan Säkerhet.',
    'verifyEmail.expired.title': 'Länken har slutat gälla',
    'verifyEmail.expired.message': 'Länkar för att bekräfta en adress gäller i 24 timmar.',
    'verifyEmail.invalid.title': 'Länken fungerar inte',
    'verifyEmail.invalid.message': 'Öppna hela länken från mejlet, eller skicka en ny till dig själv.',
    'verifyEmail.sendNew': 'Logga in och skicka en ny länk från sidan Säkerhet.',
    'verifyEmail.toSecurity': 'Till Säkerhet',
    'verifyEmail.notice.title': 'Bekräfta din e-postadress',
    'verifyEmail.notice.text':
      'Vi skickade en länk till {email}. Tills du öppnar den kan du inte bjuda in personer eller tacka ja till inbjudningar.',
    'verifyEmail.notice.resend': 'Skicka länken igen',
    'verifyEmail.notice.sent': 'En ny länk är på väg till {email}. Den gäller i 24 timmar.',
  },
  'pt-BR': {
    'verifyEmail.notice.wait':
      'Um link foi enviado há menos de um minuto. Veja sua caixa de entrada ou tente de novo daqui a pouco.',
    'verifyEmail.ready.title': 'Confirme seu endereço de e-mail',
    'verifyEmail.ready.text': 'Um clique para confirmar que {email} é o seu endereço.',
    'verifyEmail.ready.submit': 'Confirmar meu endereço',
    'error.email_unverified':
      'Confirme seu endereço de e-mail primeiro: abra o link que enviamos. Você pode enviá-lo de novo na página Segurança.',
    'audit.email_verification_sent': 'Link enviado para confirmar o endereço de e-mail',
    'audit.email_verified': 'Endereço de e-mail confirmado',
    'mail.verifyEmail.subject': 'Confirme seu endereço de e-mail no {app}',
    'mail.verifyEmail.body': 'Abra este link para confirmar que {email} é o seu endereço no {app}:',
    'mail.verifyEmail.expiry': 'O link funciona uma vez e expira em {hours} horas.',
    'mail.verifyEmail.notExpected':
      'Não criou uma conta? Você pode ignorar este e-mail: o endereço continua sem confirmação.',
    'verifyEmail.verified.title': 'Endereço de e-mail confirmado',
    'verifyEmail.verified.message': '{email} está confirmado. Obrigado.',
    'verifyEmail.verified.detail':
      'Agora você pode convidar pessoas para uma organização e aceitar convites.',
    'verifyEmail.used.title': 'Este link já foi usado',
    'verifyEmail.used.verified':
      'Cada link funciona uma vez. {email} já está confirmado: não há mais nada a fazer.',
    'verifyEmail.used.unverified': 'Cada link funciona uma vez. Envie um novo para você na página Segurança.',
    'verifyEmail.expired.title': 'Este link expirou',
    'verifyEmail.expired.message': 'Os links para confirmar um endereço funcionam por 24 horas.',
    'verifyEmail.invalid.title': 'Este link não funciona',
    'verifyEmail.invalid.message': 'Abra o link completo do e-mail ou envie um novo para você.',
    'verifyEmail.sendNew': 'Entre e envie um novo link na página Segurança.',
    'verifyEmail.toSecurity': 'Ir para Segurança',
    'verifyEmail.notice.title': 'Confirme seu endereço de e-mail',
    'verifyEmail.notice.text':
      'Enviamos um link para {email}. Até você abri-lo, não é possível convidar pessoas nem aceitar convites.',
    'verifyEmail.notice.resend': 'Enviar o link de novo',
    'verifyEmail.notice.sent': 'Um novo link está a caminho de {email}. Ele funciona por 24 horas.',
  },
});
