import { defineMessages } from '../define-messages.js';

/** Security keys and this device's fingerprint / face (WebAuthn): set-up, sign-in, policy, audit. */
export const securityKeyMessages = defineMessages({
  en: {
    'policy.method.webauthn': 'Security key or fingerprint / face',
    'audit.security_key_clone_suspected':
      'A security key was refused: its counter went back, so it may have been copied',
    'codePage.choice.webauthn': 'Security key or this device’s fingerprint / face',
    'codePage.choice.webauthnHint': 'Touch your key or unlock with this device. Fake sites cannot use it.',
    'webauthn.setup.title': 'Add a security key',
    'webauthn.setup.intro':
      'After your password, signing in will ask for this key. It only works on this website, so a fake site cannot trick you into using it.',
    'webauthn.setup.kind': 'What will you use?',
    'webauthn.setup.kind.key': 'A security key (USB, NFC or Bluetooth)',
    'webauthn.setup.kind.device': 'This device’s fingerprint, face or screen lock',
    'webauthn.setup.label': 'Name',
    'webauthn.setup.labelHint': 'So you can tell your keys apart, for example “Blue key”.',
    'webauthn.setup.labelDefault': 'Security key',
    'webauthn.setup.continue': 'Continue',
    'webauthn.touch.title': 'Use your security key',
    'webauthn.other': 'Use your security key ({name})',
    'webauthn.touch.setupText':
      'Press the button, then touch your key, or confirm with your fingerprint, face or screen lock.',
    'webauthn.touch.signInText':
      'Press the button, then touch your security key, or confirm with this device’s fingerprint, face or screen lock.',
    'webauthn.touch.button': 'Use security key',
    'webauthn.touch.failed': 'That did not work. Try again, or use another method.',
    'webauthn.touch.noScript': 'Security keys need JavaScript in this browser.',
    'webauthn.error.refused':
      'This key was not accepted. Use the key you added to this account, and try again.',
  },
  nl: {
    'policy.method.webauthn': 'Beveiligingssleutel of vingerafdruk / gezicht',
    'audit.security_key_clone_suspected':
      'Een beveiligingssleutel is geweigerd: de teller ging terug, dus de sleutel is mogelijk gekopieerd',
    'codePage.choice.webauthn': 'Beveiligingssleutel of vingerafdruk / gezicht van dit apparaat',
    'codePage.choice.webauthnHint':
      'Raak uw sleutel aan of ontgrendel met dit apparaat. Nepsites kunnen hem niet gebruiken.',
    'webauthn.setup.title': 'Beveiligingssleutel toevoegen',
    'webauthn.setup.intro':
      'Na uw wachtwoord vraagt inloggen om deze sleutel. Hij werkt alleen op deze website, dus een nepsite kan u er niet mee misleiden.',
    'webauthn.setup.kind': 'Wat gaat u gebruiken?',
    'webauthn.setup.kind.key': 'Een beveiligingssleutel (USB, NFC of Bluetooth)',
    'webauthn.setup.kind.device': 'Vingerafdruk, gezicht of schermvergrendeling van dit apparaat',
    'webauthn.setup.label': 'Naam',
    'webauthn.setup.labelHint': 'Zodat u uw sleutels uit elkaar houdt, bijvoorbeeld ‘Blauwe sleutel’.',
    'webauthn.setup.labelDefault': 'Beveiligingssleutel',
    'webauthn.setup.continue': 'Doorgaan',
    'webauthn.touch.title': 'Gebruik uw beveiligingssleutel',
    'webauthn.other': 'Gebruik uw beveiligingssleutel ({name})',
    'webauthn.touch.setupText':
      'Druk op de knop en raak daarna uw sleutel aan, of bevestig met uw vingerafdruk, gezicht of schermvergrendeling.',
    'webauthn.touch.signInText':
      'Druk op de knop en raak daarna uw beveiligingssleutel aan, of bevestig met de vingerafdruk, het gezicht of de schermvergrendeling van dit apparaat.',
    'webauthn.touch.button': 'Beveiligingssleutel gebruiken',
    'webauthn.touch.failed': 'Dat lukte niet. Probeer het opnieuw, of gebruik een andere methode.',
    'webauthn.touch.noScript': 'Voor beveiligingssleutels is JavaScript nodig in deze browser.',
    'webauthn.error.refused':
      'Deze sleutel is niet geaccepteerd. Gebruik de sleutel die u aan dit account hebt toegevoegd en probeer het opnieuw.',
  },
  sv: {
    'policy.method.webauthn': 'Säkerhetsnyckel eller fingeravtryck / ansikte',
    'audit.security_key_clone_suspected':
      'En säkerhetsnyckel nekades: dess räknare gick bakåt, så den kan ha kopierats',
    'codePage.choice.webauthn': 'Säkerhetsnyckel eller den här enhetens fingeravtryck / ansikte',
    'codePage.choice.webauthnHint':
      'Rör vid nyckeln eller lås upp med den här enheten. Falska webbplatser kan inte använda den.',
    'webauthn.setup.title': 'Lägg till en säkerhetsnyckel',
    'webauthn.setup.intro':
      'Efter lösenordet frågar inloggningen efter den här nyckeln. Den fungerar bara på den här webbplatsen, så en falsk webbplats kan inte lura dig att använda den.',
    'webauthn.setup.kind': 'Vad vill du använda?',
    'webauthn.setup.kind.key': 'En säkerhetsnyckel (USB, NFC eller Bluetooth)',
    'webauthn.setup.kind.device': 'Den här enhetens fingeravtryck, ansikte eller skärmlås',
    'webauthn.setup.label': 'Namn',
    'webauthn.setup.labelHint': 'Så att du kan skilja dina nycklar åt, till exempel ”Blå nyckel”.',
    'webauthn.setup.labelDefault': 'Säkerhetsnyckel',
    'webauthn.setup.continue': 'Fortsätt',
    'webauthn.touch.title': 'Använd din säkerhetsnyckel',
    'webauthn.other': 'Använd din säkerhetsnyckel ({name})',
    'webauthn.touch.setupText':
      'Tryck på knappen och rör sedan vid nyckeln, eller bekräfta med fingeravtryck, ansikte eller skärmlås.',
    'webauthn.touch.signInText':
      'Tryck på knappen och rör sedan vid säkerhetsnyckeln, eller bekräfta med den här enhetens fingeravtryck, ansikte eller skärmlås.',
    'webauthn.touch.button': 'Använd säkerhetsnyckel',
    'webauthn.touch.failed': 'Det fungerade inte. Försök igen, eller använd en annan metod.',
    'webauthn.touch.noScript': 'Säkerhetsnycklar kräver JavaScript i den här webbläsaren.',
    'webauthn.error.refused':
      'Nyckeln godtogs inte. Använd nyckeln du lade till på det här kontot och försök igen.',
  },
  'pt-BR': {
    'policy.method.webauthn': 'Chave de segurança ou digital / rosto',
    'audit.security_key_clone_suspected':
      'Uma chave de segurança foi recusada: o contador voltou, então ela pode ter sido copiada',
    'codePage.choice.webauthn': 'Chave de segurança ou digital / rosto deste aparelho',
    'codePage.choice.webauthnHint':
      'Toque na chave ou desbloqueie com este aparelho. Sites falsos não conseguem usá-la.',
    'webauthn.setup.title': 'Adicionar uma chave de segurança',
    'webauthn.setup.intro':
      'Depois da senha, a entrada vai pedir esta chave. Ela só funciona neste site, então um site falso não consegue enganar você para usá-la.',
    'webauthn.setup.kind': 'O que você vai usar?',
    'webauthn.setup.kind.key': 'Uma chave de segurança (USB, NFC ou Bluetooth)',
    'webauthn.setup.kind.device': 'A digital, o rosto ou o bloqueio de tela deste aparelho',
    'webauthn.setup.label': 'Nome',
    'webauthn.setup.labelHint': 'Para diferenciar suas chaves, por exemplo “Chave azul”.',
    'webauthn.setup.labelDefault': 'Chave de segurança',
    'webauthn.setup.continue': 'Continuar',
    'webauthn.touch.title': 'Use sua chave de segurança',
    'webauthn.other': 'Usar sua chave de segurança ({name})',
    'webauthn.touch.setupText':
      'Toque no botão e depois na sua chave, ou confirme com a digital, o rosto ou o bloqueio de tela.',
    'webauthn.touch.signInText':
      'Toque no botão e depois na sua chave de segurança, ou confirme com a digital, o rosto ou o bloqueio de tela deste aparelho.',
    'webauthn.touch.button': 'Usar chave de segurança',
    'webauthn.touch.failed': 'Não deu certo. Tente de novo ou use outro método.',
    'webauthn.touch.noScript': 'Chaves de segurança precisam de JavaScript neste navegador.',
    'webauthn.error.refused':
      'Esta chave não foi aceita. Use a chave que você adicionou a esta conta e tente de novo.',
  },
});
