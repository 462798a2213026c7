import { defineMessages } from '../define-messages.js';

/** Errors by stable code, and the security e-mails. */
export const coreMessages = defineMessages({
  en: {
    'app.name': 'Twostep',

    'error.invalid_input': 'Some of the information is missing or not valid.',
    'error.invalid_credentials': 'The e-mail address or password is not correct.',
    'error.account_disabled': 'This account has been disabled. Please contact support.',
    'error.not_signed_in': 'Please sign in to continue.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.cross_origin': 'This request came from another website and was refused.',
    'error.csrf_failed': 'This form has expired. Please try again.',
    'error.sudo_required': 'Please confirm your password before continuing.',
    'error.password_too_short': 'Use at least 8 characters.',
    'error.password_too_long': 'Use at most 256 characters.',
    'error.password_too_common': 'This password is too common and easy to guess. Choose another one.',
    'error.password_contains_context':
      'Do not use your e-mail address or the name of this service in your password.',
    'error.wrong_password': 'That password is not correct.',
    'error.signup_closed': 'New accounts cannot be created here. Please contact your administrator.',
    'error.not_found': 'We could not find that.',
    'error.conflict': 'That conflicts with the current state. Reload and try again.',
    'error.rate_limited': 'Too many attempts. Please wait {minutes} minutes and try again.',
    'error.reset_token_invalid': 'This reset link is no longer valid. Request a new one.',
    'error.second_factor_required': 'Please finish signing in with your second step.',
    'error.wrong_code': 'That code is not correct.',
    'error.setup_expired': 'This set-up has expired. Please start again.',
    'error.method_limit_reached':
      'You have reached the maximum number of methods of this kind. Remove one first.',
    'error.two_factor_setup_required': 'Set up two-factor authentication to continue.',

    'mail.footer': 'You receive this message because of a security event on your {app} account.',
    'mail.notYou': 'If this was not you, reset your password now and review your signed-in devices: {url}',
    'mail.details': 'When: {time}\nDevice: {device}\nIP address: {ip}',
    'mail.passwordChanged.subject': 'Your password was changed',
    'mail.passwordChanged.body':
      'The password of your account {email} was changed. Your other devices were signed out.',
    'mail.passwordReset.subject': 'Reset your password',
    'mail.passwordReset.body':
      'Someone asked to reset the password of {email}. To choose a new password, open this link within 30 minutes:\n\n{url}\n\nIf you did not ask for this, ignore this message: your password stays the same.',
    'mail.passwordWasReset.subject': 'Your password was reset',
    'mail.passwordWasReset.body':
      'The password of {email} was reset with a link sent to this address. Every device was signed out. Two-factor authentication still applies.',
    'mail.signupExisting.subject': 'Someone tried to create an account with your address',
    'mail.signupExisting.body':
      'Someone tried to create a new account with {email}, but you already have one. If it was you, sign in or reset your password: {url}',
  },
  nl: {
    'app.name': 'Twostep',

    'error.invalid_input': 'Een deel van de gegevens ontbreekt of is niet geldig.',
    'error.invalid_credentials': 'Het e-mailadres of wachtwoord is niet juist.',
    'error.account_disabled': 'Dit account is uitgeschakeld. Neem contact op met support.',
    'error.not_signed_in': 'Log in om verder te gaan.',
    'error.forbidden': 'U mag dit niet doen.',
    'error.cross_origin': 'Dit verzoek kwam van een andere website en is geweigerd.',
    'error.csrf_failed': 'Dit formulier is verlopen. Probeer het opnieuw.',
    'error.sudo_required': 'Bevestig uw wachtwoord voordat u verdergaat.',
    'error.password_too_short': 'Gebruik minstens 8 tekens.',
    'error.password_too_long': 'Gebruik hoogstens 256 tekens.',
    'error.password_too_common': 'Dit wachtwoord is te gangbaar en makkelijk te raden. Kies een ander.',
    'error.password_contains_context':
      'Gebruik uw e-mailadres of de naam van deze dienst niet in uw wachtwoord.',
    'error.wrong_password': 'Dat wachtwoord is niet juist.',
    'error.signup_closed':
      'Hier kunnen geen nieuwe accounts worden aangemaakt. Neem contact op met uw beheerder.',
    'error.not_found': 'We konden dat niet vinden.',
    'error.conflict': 'Dat botst met de huidige toestand. Laad de pagina opnieuw en probeer het nog eens.',
    'error.rate_limited': 'Te veel pogingen. Wacht {minutes} minuten en probeer het opnieuw.',
    'error.reset_token_invalid': 'Deze herstellink is niet meer geldig. Vraag een nieuwe aan.',
    'error.second_factor_required': 'Rond het inloggen af met uw tweede stap.',
    'error.wrong_code': 'Die code is niet juist.',
    'error.setup_expired': 'Deze instelling is verlopen. Begin opnieuw.',
    'error.method_limit_reached':
      'U hebt het maximale aantal methoden van dit soort bereikt. Verwijder er eerst een.',
    'error.two_factor_setup_required': 'Stel tweestapsverificatie in om verder te gaan.',

    'mail.footer': 'U ontvangt dit bericht vanwege een beveiligingsgebeurtenis op uw {app}-account.',
    'mail.notYou':
      'Was u dit niet? Stel dan nu uw wachtwoord opnieuw in en controleer uw ingelogde apparaten: {url}',
    'mail.details': 'Wanneer: {time}\nApparaat: {device}\nIP-adres: {ip}',
    'mail.passwordChanged.subject': 'Uw wachtwoord is gewijzigd',
    'mail.passwordChanged.body':
      'Het wachtwoord van uw account {email} is gewijzigd. Uw andere apparaten zijn uitgelogd.',
    'mail.passwordReset.subject': 'Stel uw wachtwoord opnieuw in',
    'mail.passwordReset.body':
      'Iemand heeft gevraagd het wachtwoord van {email} opnieuw in te stellen. Open binnen 30 minuten deze link om een nieuw wachtwoord te kiezen:\n\n{url}\n\nHeeft u dit niet gevraagd? Negeer dan dit bericht: uw wachtwoord blijft hetzelfde.',
    'mail.passwordWasReset.subject': 'Uw wachtwoord is opnieuw ingesteld',
    'mail.passwordWasReset.body':
      'Het wachtwoord van {email} is opnieuw ingesteld via een link die naar dit adres is gestuurd. Alle apparaten zijn uitgelogd. Tweestapsverificatie blijft van kracht.',
    'mail.signupExisting.subject': 'Iemand probeerde een account aan te maken met uw adres',
    'mail.signupExisting.body':
      'Iemand probeerde een nieuw account aan te maken met {email}, maar u hebt al een account. Was u dit? Log dan in of stel uw wachtwoord opnieuw in: {url}',
  },
  sv: {
    'app.name': 'Twostep',

    'error.invalid_input': 'Viss information saknas eller är ogiltig.',
    'error.invalid_credentials': 'E-postadressen eller lösenordet är fel.',
    'error.account_disabled': 'Det här kontot har inaktiverats. Kontakta supporten.',
    'error.not_signed_in': 'Logga in för att fortsätta.',
    'error.forbidden': 'Du har inte behörighet att göra detta.',
    'error.cross_origin': 'Begäran kom från en annan webbplats och avvisades.',
    'error.csrf_failed': 'Formuläret har gått ut. Försök igen.',
    'error.sudo_required': 'Bekräfta ditt lösenord innan du fortsätter.',
    'error.password_too_short': 'Använd minst 8 tecken.',
    'error.password_too_long': 'Använd högst 256 tecken.',
    'error.password_too_common': 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
    'error.password_contains_context': 'Använd inte din e-postadress eller tjänstens namn i lösenordet.',
    'error.wrong_password': 'Lösenordet är fel.',
    'error.signup_closed': 'Nya konton kan inte skapas här. Kontakta din administratör.',
    'error.not_found': 'Vi kunde inte hitta det.',
    'error.conflict': 'Det krockar med det nuvarande läget. Ladda om och försök igen.',
    'error.rate_limited': 'För många försök. Vänta {minutes} minuter och försök igen.',
    'error.reset_token_invalid': 'Återställningslänken gäller inte längre. Begär en ny.',
    'error.second_factor_required': 'Slutför inloggningen med ditt andra steg.',
    'error.wrong_code': 'Koden är fel.',
    'error.setup_expired': 'Konfigureringen har gått ut. Börja om.',
    'error.method_limit_reached':
      'Du har nått det högsta antalet metoder av det här slaget. Ta bort en först.',
    'error.two_factor_setup_required': 'Aktivera tvåfaktorsautentisering för att fortsätta.',

    'mail.footer': 'Du får detta meddelande på grund av en säkerhetshändelse på ditt {app}-konto.',
    'mail.notYou': 'Var det inte du? Återställ ditt lösenord nu och se över dina inloggade enheter: {url}',
    'mail.details': 'När: {time}\nEnhet: {device}\nIP-adress: {ip}',
    'mail.passwordChanged.subject': 'Ditt lösenord har ändrats',
    'mail.passwordChanged.body':
      'Lösenordet för ditt konto {email} har ändrats. Dina andra enheter har loggats ut.',
    'mail.passwordReset.subject': 'Återställ ditt lösenord',
    'mail.passwordReset.body':
      'Någon har begärt att lösenordet för {email} ska återställas. Öppna den här länken inom 30 minuter för att välja ett nytt lösenord:\n\n{url}\n\nOm det inte var du kan du strunta i meddelandet: ditt lösenord förblir detsamma.',
    'mail.passwordWasReset.subject': 'Ditt lösenord har återställts',
    'mail.passwordWasReset.body':
      'Lösenordet för {email} återställdes med en länk som skickades till den här adressen. Alla enheter har loggats ut. Tvåfaktorsautentiseringen gäller fortfarande.',
    'mail.signupExisting.subject': 'Någon försökte skapa ett konto med din adress',
    'mail.signupExisting.body':
      'Någon försökte skapa ett nytt konto med {email}, men du har redan ett. Var det du? Logga in eller återställ ditt lösenord: {url}',
  },
  'pt-BR': {
    'app.name': 'Twostep',

    'error.invalid_input': 'Algumas informações estão faltando ou não são válidas.',
    'error.invalid_credentials': 'O e-mail ou a senha não estão corretos.',
    'error.account_disabled': 'Esta conta foi desativada. Entre em contato com o suporte.',
    'error.not_signed_in': 'Entre na sua conta para continuar.',
    'error.forbidden': 'Você não tem permissão para fazer isso.',
    'error.cross_origin': 'Esta solicitação veio de outro site e foi recusada.',
    'error.csrf_failed': 'Este formulário expirou. Tente novamente.',
    'error.sudo_required': 'Confirme sua senha antes de continuar.',
    'error.password_too_short': 'Use pelo menos 8 caracteres.',
    'error.password_too_long': 'Use no máximo 256 caracteres.',
    'error.password_too_common': 'Esta senha é muito comum e fácil de adivinhar. Escolha outra.',
    'error.password_contains_context': 'Não use seu e-mail nem o nome deste serviço na senha.',
    'error.wrong_password': 'Essa senha não está correta.',
    'error.signup_closed': 'Não é possível criar novas contas aqui. Fale com o seu administrador.',
    'error.not_found': 'Não encontramos isso.',
    'error.conflict': 'Isso conflita com o estado atual. Recarregue e tente novamente.',
    'error.rate_limited': 'Tentativas demais. Aguarde {minutes} minutos e tente novamente.',
    'error.reset_token_invalid': 'Este link de redefinição não é mais válido. Peça um novo.',
    'error.second_factor_required': 'Conclua o acesso com a sua segunda etapa.',
    'error.wrong_code': 'Esse código não está correto.',
    'error.setup_expired': 'Esta configuração expirou. Comece de novo.',
    'error.method_limit_reached': 'Você atingiu o número máximo de métodos deste tipo. Remova um primeiro.',
    'error.two_factor_setup_required': 'Configure a autenticação em dois fatores para continuar.',

    'mail.footer': 'Você recebeu esta mensagem por causa de um evento de segurança na sua conta {app}.',
    'mail.notYou': 'Se não foi você, redefina sua senha agora e revise seus dispositivos conectados: {url}',
    'mail.details': 'Quando: {time}\nDispositivo: {device}\nEndereço IP: {ip}',
    'mail.passwordChanged.subject': 'Sua senha foi alterada',
    'mail.passwordChanged.body':
      'A senha da sua conta {email} foi alterada. Seus outros dispositivos foram desconectados.',
    'mail.passwordReset.subject': 'Redefina sua senha',
    'mail.passwordReset.body':
      'Alguém pediu para redefinir a senha de {email}. Para escolher uma nova senha, abra este link em até 30 minutos:\n\n{url}\n\nSe não foi você, ignore esta mensagem: sua senha continua a mesma.',
    'mail.passwordWasReset.subject': 'Sua senha foi redefinida',
    'mail.passwordWasReset.body':
      'A senha de {email} foi redefinida com um link enviado para este endereço. Todos os dispositivos foram desconectados. A autenticação em dois fatores continua valendo.',
    'mail.signupExisting.subject': 'Alguém tentou criar uma conta com o seu endereço',
    'mail.signupExisting.body':
      'Alguém tentou criar uma nova conta com {email}, mas você já tem uma. Se foi você, entre ou redefina sua senha: {url}',
  },
});
