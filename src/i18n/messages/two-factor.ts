import { defineMessages } from '../define-messages.js';

/** Security e-mails about two-factor authentication and about attacks on signing in. */
export const twoFactorMessages = defineMessages({
  en: {
    'mail.twoFactorEnabled.subject': 'Two-factor authentication is on',
    'mail.twoFactorEnabled.body':
      'Two-factor authentication was turned on for {email} with "{method}". From now on you sign in with your password and a code. Your other devices were signed out.',
    'mail.twoFactorDisabled.subject': 'Two-factor authentication is off',
    'mail.twoFactorDisabled.body':
      'Two-factor authentication was turned off for {email}: "{method}" was removed and your recovery codes no longer work. Your account is now protected by your password alone.',
    'mail.methodAdded.subject': 'A sign-in method was added',
    'mail.methodAdded.body': '"{method}" was added as a two-factor method for {email}.',
    'mail.methodRemoved.subject': 'A sign-in method was removed',
    'mail.methodRemoved.body': '"{method}" was removed from the two-factor methods of {email}.',
    'mail.recoveryCodeUsed.subject': 'A recovery code was used',
    'mail.recoveryCodeUsed.body':
      'Someone signed in to {email} with a recovery code. {left} recovery codes are left. If you lost your phone, set up your authenticator again and make new recovery codes.',
    'mail.recoveryCodesRegenerated.subject': 'New recovery codes were made',
    'mail.recoveryCodesRegenerated.body':
      'New recovery codes were made for {email}. The old ones no longer work.',
    'mail.recoveryCodesIssued.subject': 'Your recovery codes',
    'mail.recoveryCodesIssued.body':
      'Keep these recovery codes for {email} somewhere safe. Each works once, if you cannot use your authenticator:\n\n{codes}',
    'mail.secondFactorLocked.subject': 'Sign-in attempts on your account were blocked',
    'mail.secondFactorLocked.body':
      'Someone entered your correct password for {email} but then several wrong two-factor codes. We blocked further attempts for {minutes} minutes. Change your password now if this was not you.',
    'mail.signInSlowedDown.subject': 'Many wrong passwords were tried for your account',
    'mail.signInSlowedDown.body':
      'Someone has tried many wrong passwords for {email} from other networks. We now make those networks wait longer and longer between attempts; you can still sign in as usual. If you think someone may know your password, change it and turn on two-factor authentication.',
  },
  nl: {
    'mail.twoFactorEnabled.subject': 'Tweestapsverificatie staat aan',
    'mail.twoFactorEnabled.body':
      'Tweestapsverificatie is aangezet voor {email} met "{method}". Voortaan logt u in met uw wachtwoord en een code. Uw andere apparaten zijn uitgelogd.',
    'mail.twoFactorDisabled.subject': 'Tweestapsverificatie staat uit',
    'mail.twoFactorDisabled.body':
      'Tweestapsverificatie is uitgezet voor {email}: "{method}" is verwijderd en uw herstelcodes werken niet meer. Uw account wordt nu alleen door uw wachtwoord beschermd.',
    'mail.methodAdded.subject': 'Er is een inlogmethode toegevoegd',
    'mail.methodAdded.body': '"{method}" is toegevoegd als methode voor tweestapsverificatie van {email}.',
    'mail.methodRemoved.subject': 'Er is een inlogmethode verwijderd',
    'mail.methodRemoved.body':
      '"{method}" is verwijderd uit de methoden voor tweestapsverificatie van {email}.',
    'mail.recoveryCodeUsed.subject': 'Er is een herstelcode gebruikt',
    'mail.recoveryCodeUsed.body':
      'Iemand is ingelogd op {email} met een herstelcode. Er zijn nog {left} herstelcodes over. Bent u uw telefoon kwijt? Stel uw authenticator-app opnieuw in en maak nieuwe herstelcodes.',
    'mail.recoveryCodesRegenerated.subject': 'Er zijn nieuwe herstelcodes gemaakt',
    'mail.recoveryCodesRegenerated.body':
      'Er zijn nieuwe herstelcodes gemaakt voor {email}. De oude werken niet meer.',
    'mail.recoveryCodesIssued.subject': 'Uw herstelcodes',
    'mail.recoveryCodesIssued.body':
      'Bewaar deze herstelcodes voor {email} op een veilige plek. Elke code werkt één keer, als u uw authenticator-app niet kunt gebruiken:\n\n{codes}',
    'mail.secondFactorLocked.subject': 'Inlogpogingen op uw account zijn geblokkeerd',
    'mail.secondFactorLocked.body':
      'Iemand voerde het juiste wachtwoord voor {email} in, maar daarna meerdere verkeerde codes. We blokkeren verdere pogingen gedurende {minutes} minuten. Was u dit niet? Wijzig dan nu uw wachtwoord.',
    'mail.signInSlowedDown.subject': 'Er zijn veel verkeerde wachtwoorden geprobeerd voor uw account',
    'mail.signInSlowedDown.body':
      'Iemand heeft vanaf andere netwerken veel verkeerde wachtwoorden geprobeerd voor {email}. Die netwerken moeten nu steeds langer wachten tussen pogingen; u kunt gewoon inloggen. Denkt u dat iemand uw wachtwoord kent? Wijzig het dan en zet tweestapsverificatie aan.',
  },
  sv: {
    'mail.twoFactorEnabled.subject': 'Tvåfaktorsautentisering är aktiverad',
    'mail.twoFactorEnabled.body':
      'Tvåfaktorsautentisering aktiverades för {email} med "{method}". Från och med nu loggar du in med ditt lösenord och en kod. Dina andra enheter har loggats ut.',
    'mail.twoFactorDisabled.subject': 'Tvåfaktorsautentisering är avstängd',
    'mail.twoFactorDisabled.body':
      'Tvåfaktorsautentisering stängdes av för {email}: "{method}" togs bort och dina återställningskoder fungerar inte längre. Ditt konto skyddas nu bara av ditt lösenord.',
    'mail.methodAdded.subject': 'En inloggningsmetod har lagts till',
    'mail.methodAdded.body': '"{method}" lades till som tvåfaktorsmetod för {email}.',
    'mail.methodRemoved.subject': 'En inloggningsmetod har tagits bort',
    'mail.methodRemoved.body': '"{method}" togs bort från tvåfaktorsmetoderna för {email}.',
    'mail.recoveryCodeUsed.subject': 'En återställningskod har använts',
    'mail.recoveryCodeUsed.body':
      'Någon loggade in på {email} med en återställningskod. {left} återställningskoder återstår. Har du tappat bort telefonen? Konfigurera autentiseringsappen igen och skapa nya återställningskoder.',
    'mail.recoveryCodesRegenerated.subject': 'Nya återställningskoder har skapats',
    'mail.recoveryCodesRegenerated.body':
      'Nya återställningskoder har skapats för {email}. De gamla fungerar inte längre.',
    'mail.recoveryCodesIssued.subject': 'Dina återställningskoder',
    'mail.recoveryCodesIssued.body':
      'Förvara dessa återställningskoder för {email} på ett säkert ställe. Varje kod fungerar en gång, om du inte kan använda din autentiseringsapp:\n\n{codes}',
    'mail.secondFactorLocked.subject': 'Inloggningsförsök på ditt konto har blockerats',
    'mail.secondFactorLocked.body':
      'Någon angav rätt lösenord för {email} men sedan flera felaktiga koder. Vi blockerar fler försök i {minutes} minuter. Byt lösenord nu om det inte var du.',
    'mail.signInSlowedDown.subject': 'Många felaktiga lösenord har provats för ditt konto',
    'mail.signInSlowedDown.body':
      'Någon har provat många felaktiga lösenord för {email} från andra nätverk. De nätverken får nu vänta allt längre mellan försöken; du kan logga in som vanligt. Om du tror att någon kan ditt lösenord, byt det och aktivera tvåfaktorsautentisering.',
  },
  'pt-BR': {
    'mail.twoFactorEnabled.subject': 'A autenticação em dois fatores está ativada',
    'mail.twoFactorEnabled.body':
      'A autenticação em dois fatores foi ativada para {email} com "{method}". A partir de agora, você entra com sua senha e um código. Seus outros dispositivos foram desconectados.',
    'mail.twoFactorDisabled.subject': 'A autenticação em dois fatores está desativada',
    'mail.twoFactorDisabled.body':
      'A autenticação em dois fatores foi desativada para {email}: "{method}" foi removido e seus códigos de recuperação não funcionam mais. Sua conta agora está protegida apenas pela senha.',
    'mail.methodAdded.subject': 'Um método de acesso foi adicionado',
    'mail.methodAdded.body': '"{method}" foi adicionado como método de dois fatores de {email}.',
    'mail.methodRemoved.subject': 'Um método de acesso foi removido',
    'mail.methodRemoved.body': '"{method}" foi removido dos métodos de dois fatores de {email}.',
    'mail.recoveryCodeUsed.subject': 'Um código de recuperação foi usado',
    'mail.recoveryCodeUsed.body':
      'Alguém entrou em {email} com um código de recuperação. Restam {left} códigos de recuperação. Se você perdeu o celular, configure o aplicativo autenticador de novo e gere novos códigos de recuperação.',
    'mail.recoveryCodesRegenerated.subject': 'Novos códigos de recuperação foram gerados',
    'mail.recoveryCodesRegenerated.body':
      'Novos códigos de recuperação foram gerados para {email}. Os antigos não funcionam mais.',
    'mail.recoveryCodesIssued.subject': 'Seus códigos de recuperação',
    'mail.recoveryCodesIssued.body':
      'Guarde estes códigos de recuperação de {email} em um lugar seguro. Cada um funciona uma vez, caso você não possa usar o seu autenticador:\n\n{codes}',
    'mail.secondFactorLocked.subject': 'Tentativas de acesso à sua conta foram bloqueadas',
    'mail.secondFactorLocked.body':
      'Alguém digitou a senha correta de {email}, mas depois vários códigos errados. Bloqueamos novas tentativas por {minutes} minutos. Se não foi você, troque sua senha agora.',
    'mail.signInSlowedDown.subject': 'Muitas senhas erradas foram tentadas na sua conta',
    'mail.signInSlowedDown.body':
      'Alguém tentou muitas senhas erradas para {email} a partir de outras redes. Agora essas redes precisam esperar cada vez mais entre as tentativas; você continua entrando normalmente. Se acha que alguém pode saber sua senha, troque-a e ative a autenticação em dois fatores.',
  },
});
