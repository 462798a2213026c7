import { defineMessages } from '../define-messages.js';

/** "Don't ask again on this device" at the second step, and the remembered devices on the security page. */
export const rememberedDeviceMessages = defineMessages({
  en: {
    'remember.checkbox': 'Don’t ask again on this device for {days} days',
    'remember.checkbox.one': 'Don’t ask again on this device for a day',
    'remember.hint': 'Only on a device you do not share. Your password is still needed every time.',
    'remembered.heading': 'Remembered devices',
    'remembered.intro':
      'On these browsers we skip the two-factor step once you have entered your password. Forget any you no longer use or do not recognise.',
    'remembered.empty':
      'No device is remembered. At the two-factor step you can choose not to be asked again on a device.',
    'remembered.since': 'Remembered',
    'remembered.expires': 'Until',
    'remembered.lastUsed': 'Last used',
    'remembered.forget': 'Forget',
    'remembered.forgetAll': 'Forget all devices',
    'remembered.note': 'Changing your password or turning off two-factor authentication forgets them all.',
    'remembered.notice.forgotten':
      'The device was forgotten. It will ask for the two-factor step at the next sign-in.',
    'remembered.notice.allForgotten': 'All remembered devices were forgotten.',
    'remembered.notice.gone': 'That device was already forgotten.',
    'audit.device_remembered': 'Device remembered: no two-factor step there for a while',
    'audit.second_factor_remembered': 'Signed in on a remembered device, without the two-factor step',
    'audit.remembered_device_forgotten': 'A remembered device was forgotten',
    'audit.remembered_devices_forgotten': 'All remembered devices were forgotten',
  },
  nl: {
    'remember.checkbox': 'Op dit apparaat {days} dagen niet meer vragen',
    'remember.checkbox.one': 'Op dit apparaat een dag niet meer vragen',
    'remember.hint':
      'Alleen op een apparaat dat u niet met anderen deelt. Uw wachtwoord blijft altijd nodig.',
    'remembered.heading': 'Onthouden apparaten',
    'remembered.intro':
      'Op deze browsers slaan we de tweede inlogstap over zodra u uw wachtwoord hebt ingevoerd. Vergeet de apparaten die u niet meer gebruikt of niet herkent.',
    'remembered.empty':
      'Er zijn geen onthouden apparaten. Bij de tweede inlogstap kunt u aangeven dat we het op dat apparaat een tijd niet meer vragen.',
    'remembered.since': 'Onthouden op',
    'remembered.expires': 'Geldig tot',
    'remembered.lastUsed': 'Laatst gebruikt',
    'remembered.forget': 'Vergeten',
    'remembered.forgetAll': 'Alle apparaten vergeten',
    'remembered.note':
      'Als u uw wachtwoord wijzigt of tweestapsverificatie uitschakelt, worden alle apparaten vergeten.',
    'remembered.notice.forgotten':
      'Het apparaat is vergeten. Daar vragen we bij de volgende keer inloggen weer om de tweede stap.',
    'remembered.notice.allForgotten': 'Alle onthouden apparaten zijn vergeten.',
    'remembered.notice.gone': 'Dat apparaat was al vergeten.',
    'audit.device_remembered': 'Apparaat onthouden: daar wordt de tweede inlogstap een tijd overgeslagen',
    'audit.second_factor_remembered': 'Ingelogd op een onthouden apparaat, zonder tweede inlogstap',
    'audit.remembered_device_forgotten': 'Een onthouden apparaat is vergeten',
    'audit.remembered_devices_forgotten': 'Alle onthouden apparaten zijn vergeten',
  },
  sv: {
    'remember.checkbox': 'Fråga inte igen på den här enheten på {days} dagar',
    'remember.checkbox.one': 'Fråga inte igen på den här enheten på ett dygn',
    'remember.hint': 'Bara på en enhet som du inte delar med andra. Lösenordet behövs alltid.',
    'remembered.heading': 'Betrodda enheter',
    'remembered.intro':
      'På de här webbläsarna hoppar vi över det andra steget när du har angett ditt lösenord. Glöm de enheter som du inte längre använder eller inte känner igen.',
    'remembered.empty':
      'Inga enheter är betrodda. I inloggningens andra steg kan du välja att inte bli tillfrågad igen på en enhet.',
    'remembered.since': 'Betrodd sedan',
    'remembered.expires': 'Giltig till',
    'remembered.lastUsed': 'Senast använd',
    'remembered.forget': 'Glöm',
    'remembered.forgetAll': 'Glöm alla enheter',
    'remembered.note': 'Om du byter lösenord eller stänger av tvåfaktorsautentisering glöms alla enheter.',
    'remembered.notice.forgotten':
      'Enheten har glömts. Nästa gång du loggar in där frågar vi efter det andra steget igen.',
    'remembered.notice.allForgotten': 'Alla betrodda enheter har glömts.',
    'remembered.notice.gone': 'Den enheten var redan glömd.',
    'audit.device_remembered': 'Enheten betrodd: där hoppas det andra inloggningssteget över en tid',
    'audit.second_factor_remembered': 'Inloggad på en betrodd enhet, utan det andra steget',
    'audit.remembered_device_forgotten': 'En betrodd enhet glömdes',
    'audit.remembered_devices_forgotten': 'Alla betrodda enheter glömdes',
  },
  'pt-BR': {
    'remember.checkbox': 'Não perguntar de novo neste dispositivo por {days} dias',
    'remember.checkbox.one': 'Não perguntar de novo neste dispositivo por um dia',
    'remember.hint': 'Só em um dispositivo que você não compartilha. A senha continua sendo pedida sempre.',
    'remembered.heading': 'Dispositivos lembrados',
    'remembered.intro':
      'Nestes navegadores, pulamos a segunda etapa depois que você digita a senha. Esqueça os que você não usa mais ou não reconhece.',
    'remembered.empty':
      'Nenhum dispositivo lembrado. Na segunda etapa do acesso, você pode pedir para não perguntarmos de novo em um dispositivo.',
    'remembered.since': 'Lembrado em',
    'remembered.expires': 'Válido até',
    'remembered.lastUsed': 'Último uso',
    'remembered.forget': 'Esquecer',
    'remembered.forgetAll': 'Esquecer todos os dispositivos',
    'remembered.note':
      'Ao trocar a senha ou desativar a autenticação em dois fatores, todos os dispositivos são esquecidos.',
    'remembered.notice.forgotten':
      'O dispositivo foi esquecido. No próximo acesso por ele, pediremos a segunda etapa de novo.',
    'remembered.notice.allForgotten': 'Todos os dispositivos lembrados foram esquecidos.',
    'remembered.notice.gone': 'Esse dispositivo já tinha sido esquecido.',
    'audit.device_remembered': 'Dispositivo lembrado: a segunda etapa não será pedida nele por um tempo',
    'audit.second_factor_remembered': 'Acesso em um dispositivo lembrado, sem a segunda etapa',
    'audit.remembered_device_forgotten': 'Um dispositivo lembrado foi esquecido',
    'audit.remembered_devices_forgotten': 'Todos os dispositivos lembrados foram esquecidos',
  },
});
