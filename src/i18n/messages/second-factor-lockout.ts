import { defineMessages } from '../define-messages.js';

/** The second step locked after too many wrong codes in a row, and the link that unlocks it. */
export const secondFactorLockoutMessages = defineMessages({
  en: {
    'error.second_factor_locked':
      'Signing in with a code is locked after too many wrong codes. We sent a link to unlock it to the account’s e-mail address.',
    'mail.secondFactorLockedOut.subject': 'Signing in to your account is locked',
    'mail.secondFactorLockedOut.body':
      'Someone entered {attempts} wrong two-factor codes in a row for {email}, so we locked the second sign-in step. If this was you, unlock it with this link (it works once, for 24 hours): {url}\n\nIf it was not you, someone knows your password: change it now. Your codes were not guessed.',
    'audit.second_factor_unlocked': 'Second sign-in step unlocked from the link in the e-mail',
    'unlock.title': 'Unlock signing in',
    'unlock.text': 'Signing in with a code was locked after too many wrong codes. Unlock it to try again.',
    'unlock.button': 'Unlock',
    'unlock.done': 'Signing in with a code works again.',
    'unlock.invalid': 'This link is not valid any more: it was used, or it expired.',
    'unlock.home': 'Go to sign-in',
  },
  nl: {
    'error.second_factor_locked':
      'Inloggen met een code is geblokkeerd na te veel onjuiste codes. We hebben een link om het te deblokkeren naar het e-mailadres van het account gestuurd.',
    'mail.secondFactorLockedOut.subject': 'Inloggen op uw account is geblokkeerd',
    'mail.secondFactorLockedOut.body':
      'Iemand voerde voor {email} {attempts} onjuiste codes achter elkaar in, dus hebben we de tweede inlogstap geblokkeerd. Was u dit? Deblokkeer hem dan met deze link (één keer bruikbaar, 24 uur geldig): {url}\n\nWas u dit niet? Dan kent iemand uw wachtwoord: wijzig het nu. Uw codes zijn niet geraden.',
    'audit.second_factor_unlocked': 'Tweede inlogstap gedeblokkeerd via de link in de e-mail',
    'unlock.title': 'Inloggen deblokkeren',
    'unlock.text':
      'Inloggen met een code is geblokkeerd na te veel onjuiste codes. Deblokkeer het om het opnieuw te proberen.',
    'unlock.button': 'Deblokkeren',
    'unlock.done': 'Inloggen met een code werkt weer.',
    'unlock.invalid': 'Deze link is niet meer geldig: hij is al gebruikt of verlopen.',
    'unlock.home': 'Naar inloggen',
  },
  sv: {
    'error.second_factor_locked':
      'Inloggning med kod är spärrad efter för många felaktiga koder. Vi har skickat en länk för att låsa upp den till kontots e-postadress.',
    'mail.secondFactorLockedOut.subject': 'Inloggningen på ditt konto är spärrad',
    'mail.secondFactorLockedOut.body':
      'Någon angav {attempts} felaktiga koder i rad för {email}, så vi spärrade det andra inloggningssteget. Om det var du, lås upp det med den här länken (den fungerar en gång, i 24 timmar): {url}\n\nOm det inte var du känner någon till ditt lösenord: byt det nu. Dina koder har inte gissats.',
    'audit.second_factor_unlocked': 'Det andra inloggningssteget låstes upp med länken i e-postmeddelandet',
    'unlock.title': 'Lås upp inloggningen',
    'unlock.text':
      'Inloggning med kod spärrades efter för många felaktiga koder. Lås upp den för att försöka igen.',
    'unlock.button': 'Lås upp',
    'unlock.done': 'Inloggning med kod fungerar igen.',
    'unlock.invalid': 'Den här länken gäller inte längre: den har använts eller gått ut.',
    'unlock.home': 'Till inloggningen',
  },
  'pt-BR': {
    'error.second_factor_locked':
      'O acesso com código está bloqueado após muitos códigos incorretos. Enviamos um link para desbloqueá-lo ao e-mail da conta.',
    'mail.secondFactorLockedOut.subject': 'O acesso à sua conta está bloqueado',
    'mail.secondFactorLockedOut.body':
      'Alguém digitou {attempts} códigos incorretos seguidos para {email}, então bloqueamos a segunda etapa do login. Se foi você, desbloqueie com este link (funciona uma vez, por 24 horas): {url}\n\nSe não foi você, alguém sabe sua senha: troque-a agora. Seus códigos não foram adivinhados.',
    'audit.second_factor_unlocked': 'Segunda etapa do login desbloqueada pelo link do e-mail',
    'unlock.title': 'Desbloquear o acesso',
    'unlock.text':
      'O acesso com código foi bloqueado após muitos códigos incorretos. Desbloqueie para tentar de novo.',
    'unlock.button': 'Desbloquear',
    'unlock.done': 'O acesso com código funciona de novo.',
    'unlock.invalid': 'Este link não é mais válido: já foi usado ou expirou.',
    'unlock.home': 'Ir para o login',
  },
});
