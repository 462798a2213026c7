import { defineMessages } from '../define-messages.js';

/**
 * Moving an e-mail, SMS or voice method to a new address or number, and proving a method with a
 * sent code to turn 2FA off: the codes' messages, the notices, and the pages.
 */
export const destinationChangeMessages = defineMessages({
  en: {
    'code.mail.change.subject': 'Confirm your new {app} e-mail address',
    'code.mail.change.body':
      'Enter this code to receive your two-factor codes at {email} from now on:\n\n{code}\n\nIt works once, for 10 minutes. If you did not ask for this, ignore this message: nothing changes.',
    'code.mail.disable.subject': 'Your {app} code to turn off two-factor authentication',
    'code.mail.disable.body':
      'Your code to turn off two-factor authentication for {email} is:\n\n{code}\n\nIt works once, for 10 minutes. If you did not ask for this, someone is signed in to your account: change your password now.',
    'code.destinationChangedSms':
      '{app}: your two-factor codes no longer come to this number; they go to {to}. Not you? Sign in and check your security settings.',
    'mail.methodDestinationChanged.subject': 'Your two-factor codes go somewhere new',
    'mail.methodDestinationChanged.body':
      'The two-factor codes for {email} that went to {from} now go to {to}.',
    'audit.method_destination_changed': 'Where two-factor codes are sent was changed',
    'methods.change.email': 'Change address',
    'methods.change.phone': 'Change number',
    'change.title.email': 'Change the e-mail address',
    'change.title.phone': 'Change the phone number',
    'change.intro':
      'Codes now go to {from}. They keep going there until you confirm the new one with a code.',
    'change.email.label': 'New e-mail address',
    'change.phone.label': 'New phone number',
    'change.confirm.title': 'Confirm the change',
    'change.confirm.submit': 'Confirm and switch',
    'change.same': 'Codes already go there. Enter a different address or number.',
    'notice.destinationChanged': 'Done: your codes now go to the new address or number.',
    'remove.lastCodeText':
      'This is your only method: removing it turns two-factor authentication off, and your recovery codes stop working.',
    'remove.codeIntro':
      'To turn two-factor authentication off, prove it is you once more: we send a code to {to}.',
    'remove.codeOr': 'Or enter one of your recovery codes.',
    'remove.codeLabel': 'Code we sent, or a recovery code',
  },
  nl: {
    'code.mail.change.subject': 'Bevestig uw nieuwe e-mailadres voor {app}',
    'code.mail.change.body':
      'Voer deze code in om uw codes voor tweestapsverificatie voortaan op {email} te ontvangen:\n\n{code}\n\nDe code werkt één keer, 10 minuten lang. Heeft u hier niet om gevraagd? Dan kunt u dit bericht negeren: er verandert niets.',
    'code.mail.disable.subject': 'Uw code van {app} om tweestapsverificatie uit te zetten',
    'code.mail.disable.body':
      'Uw code om tweestapsverificatie voor {email} uit te zetten is:\n\n{code}\n\nDe code werkt één keer, 10 minuten lang. Heeft u hier niet om gevraagd? Dan is iemand op uw account ingelogd: wijzig nu uw wachtwoord.',
    'code.destinationChangedSms':
      '{app}: uw codes voor tweestapsverificatie komen niet meer naar dit nummer, maar naar {to}. Was u dit niet? Log in en controleer uw beveiligingsinstellingen.',
    'mail.methodDestinationChanged.subject': 'Uw codes voor tweestapsverificatie gaan naar een nieuw adres',
    'mail.methodDestinationChanged.body':
      'De codes voor tweestapsverificatie van {email} die naar {from} gingen, gaan nu naar {to}.',
    'audit.method_destination_changed': 'Gewijzigd waar codes voor tweestapsverificatie heen gaan',
    'methods.change.email': 'Adres wijzigen',
    'methods.change.phone': 'Nummer wijzigen',
    'change.title.email': 'E-mailadres wijzigen',
    'change.title.phone': 'Telefoonnummer wijzigen',
    'change.intro':
      'Codes gaan nu naar {from}. Dat blijft zo totdat u het nieuwe adres of nummer met een code bevestigt.',
    'change.email.label': 'Nieuw e-mailadres',
    'change.phone.label': 'Nieuw telefoonnummer',
    'change.confirm.title': 'Wijziging bevestigen',
    'change.confirm.submit': 'Bevestigen en overstappen',
    'change.same': 'Codes gaan daar al naartoe. Vul een ander adres of nummer in.',
    'notice.destinationChanged': 'Klaar: uw codes gaan nu naar het nieuwe adres of nummer.',
    'remove.lastCodeText':
      'Dit is uw enige methode: als u die verwijdert, gaat tweestapsverificatie uit en werken uw herstelcodes niet meer.',
    'remove.codeIntro':
      'Om tweestapsverificatie uit te zetten, bevestigt u nog één keer dat u het bent: we sturen een code naar {to}.',
    'remove.codeOr': 'Of voer een van uw herstelcodes in.',
    'remove.codeLabel': 'Toegestuurde code of herstelcode',
  },
  sv: {
    'code.mail.change.subject': 'Bekräfta din nya e-postadress för {app}',
    'code.mail.change.body':
      'Ange den här koden för att få dina tvåfaktorskoder till {email} från och med nu:\n\n{code}\n\nKoden fungerar en gång, i 10 minuter. Om du inte har bett om detta kan du bortse från meddelandet: ingenting ändras.',
    'code.mail.disable.subject': 'Din kod från {app} för att stänga av tvåfaktorsautentisering',
    'code.mail.disable.body':
      'Din kod för att stänga av tvåfaktorsautentisering för {email} är:\n\n{code}\n\nKoden fungerar en gång, i 10 minuter. Om du inte har bett om detta är någon inloggad på ditt konto: byt lösenord nu.',
    'code.destinationChangedSms':
      '{app}: dina tvåfaktorskoder skickas inte längre till det här numret utan till {to}. Var det inte du? Logga in och kontrollera dina säkerhetsinställningar.',
    'mail.methodDestinationChanged.subject': 'Dina tvåfaktorskoder skickas till ett nytt ställe',
    'mail.methodDestinationChanged.body':
      'Tvåfaktorskoderna för {email} som gick till {from} skickas nu till {to}.',
    'audit.method_destination_changed': 'Mottagaren av tvåfaktorskoder ändrades',
    'methods.change.email': 'Ändra adress',
    'methods.change.phone': 'Ändra nummer',
    'change.title.email': 'Ändra e-postadressen',
    'change.title.phone': 'Ändra telefonnumret',
    'change.intro':
      'Koderna går nu till {from}. Det fortsätter de att göra tills du bekräftar den nya med en kod.',
    'change.email.label': 'Ny e-postadress',
    'change.phone.label': 'Nytt telefonnummer',
    'change.confirm.title': 'Bekräfta ändringen',
    'change.confirm.submit': 'Bekräfta och byt',
    'change.same': 'Koderna går redan dit. Ange en annan adress eller ett annat nummer.',
    'notice.destinationChanged': 'Klart: dina koder går nu till den nya adressen eller det nya numret.',
    'remove.lastCodeText':
      'Det här är din enda metod: tar du bort den stängs tvåfaktorsautentiseringen av och dina återställningskoder slutar fungera.',
    'remove.codeIntro':
      'För att stänga av tvåfaktorsautentisering bekräftar du en gång till att det är du: vi skickar en kod till {to}.',
    'remove.codeOr': 'Eller ange en av dina återställningskoder.',
    'remove.codeLabel': 'Skickad kod eller återställningskod',
  },
  'pt-BR': {
    'code.mail.change.subject': 'Confirme seu novo endereço de e-mail no {app}',
    'code.mail.change.body':
      'Digite este código para receber seus códigos de autenticação em dois fatores em {email} a partir de agora:\n\n{code}\n\nEle funciona uma vez, por 10 minutos. Se você não pediu isso, ignore esta mensagem: nada muda.',
    'code.mail.disable.subject': 'Seu código do {app} para desativar a autenticação em dois fatores',
    'code.mail.disable.body':
      'Seu código para desativar a autenticação em dois fatores de {email} é:\n\n{code}\n\nEle funciona uma vez, por 10 minutos. Se você não pediu isso, alguém está conectado à sua conta: troque sua senha agora.',
    'code.destinationChangedSms':
      '{app}: seus códigos de autenticação em dois fatores não vêm mais para este número; eles vão para {to}. Não foi você? Entre e confira suas configurações de segurança.',
    'mail.methodDestinationChanged.subject': 'Seus códigos de dois fatores vão para um novo destino',
    'mail.methodDestinationChanged.body':
      'Os códigos de autenticação em dois fatores de {email} que iam para {from} agora vão para {to}.',
    'audit.method_destination_changed': 'O destino dos códigos de dois fatores foi alterado',
    'methods.change.email': 'Alterar endereço',
    'methods.change.phone': 'Alterar número',
    'change.title.email': 'Alterar o endereço de e-mail',
    'change.title.phone': 'Alterar o número de telefone',
    'change.intro':
      'Os códigos vão agora para {from}. Continuam indo para lá até você confirmar o novo destino com um código.',
    'change.email.label': 'Novo endereço de e-mail',
    'change.phone.label': 'Novo número de telefone',
    'change.confirm.title': 'Confirme a alteração',
    'change.confirm.submit': 'Confirmar e trocar',
    'change.same': 'Os códigos já vão para lá. Digite outro endereço ou número.',
    'notice.destinationChanged': 'Pronto: seus códigos agora vão para o novo endereço ou número.',
    'remove.lastCodeText':
      'Este é o seu único método: ao removê-lo, a autenticação em dois fatores é desativada e seus códigos de recuperação deixam de funcionar.',
    'remove.codeIntro':
      'Para desativar a autenticação em dois fatores, confirme mais uma vez que é você: enviaremos um código para {to}.',
    'remove.codeOr': 'Ou digite um dos seus códigos de recuperação.',
    'remove.codeLabel': 'Código enviado ou código de recuperação',
  },
});
