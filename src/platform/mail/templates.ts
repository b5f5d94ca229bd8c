import { formatDay, type Lang } from '../i18n.ts';

/** Every mail the platform sends, in Dutch and English. `{name}` placeholders come from params. */
const templates = {
  'verify-email': {
    nl: {
      subject: 'Bevestig uw e-mailadres',
      text: 'Beste {name},\n\nU hebt een account aangemaakt bij het Beroepsregister Onderwijs. Bevestig uw e-mailadres via deze link (48 uur geldig):\n\n{link}\n\nHebt u geen account aangemaakt? Dan kunt u deze e-mail negeren.',
    },
    en: {
      subject: 'Confirm your e-mail address',
      text: 'Dear {name},\n\nYou created an account with the Beroepsregister Onderwijs. Confirm your e-mail address with this link (valid for 48 hours):\n\n{link}\n\nDid not create an account? Then you can ignore this e-mail.',
    },
  },
  'reset-password': {
    nl: {
      subject: 'Nieuw wachtwoord instellen',
      text: 'Beste {name},\n\nIemand (hopelijk u) vroeg om een nieuw wachtwoord. Stel het in via deze link (1 uur geldig):\n\n{link}\n\nHebt u dit niet gevraagd? Dan blijft uw wachtwoord zoals het was.',
    },
    en: {
      subject: 'Set a new password',
      text: 'Dear {name},\n\nSomeone (hopefully you) asked for a new password. Set it with this link (valid for 1 hour):\n\n{link}\n\nDid not ask for this? Then your password stays as it was.',
    },
  },
  'unlock-account': {
    nl: {
      subject: 'Uw account is tijdelijk geblokkeerd',
      text: 'Beste {name},\n\nEr is {failures} keer een verkeerd wachtwoord gegeven voor uw account. Daarom kan er even niet worden ingelogd. Was u dit zelf? Deblokkeer het account via deze link (1 uur geldig):\n\n{link}\n\nWas u dit niet? Kies dan na het deblokkeren een nieuw wachtwoord.',
    },
    en: {
      subject: 'Your account is temporarily locked',
      text: 'Dear {name},\n\nA wrong password was given {failures} times for your account, so signing in is paused. Was this you? Unlock the account with this link (valid for 1 hour):\n\n{link}\n\nWas this not you? Then choose a new password after unlocking.',
    },
  },
  invitation: {
    nl: {
      subject: 'Uitnodiging: {role} bij {organisation}',
      text: 'Beste collega,\n\n{inviter} nodigt u uit als {role} bij {organisation} in het Beroepsregister Onderwijs. Neem de uitnodiging aan via deze link (14 dagen geldig):\n\n{link}',
    },
    en: {
      subject: 'Invitation: {role} at {organisation}',
      text: 'Dear colleague,\n\n{inviter} invites you as {role} at {organisation} in the Beroepsregister Onderwijs. Accept the invitation with this link (valid for 14 days):\n\n{link}',
    },
  },
  'person-invitation': {
    nl: {
      subject: 'Controleer uw gegevens in het Beroepsregister Onderwijs',
      text: 'Beste {name},\n\n{board} heeft uw gegevens als medewerker aangeleverd aan het Beroepsregister Onderwijs: uw dienstverband, functie en benoemingsgrondslag. Wilt u controleren of ze kloppen, ze aanvullen en ze akkoord geven?\n\nOpen deze persoonlijke link, log in of maak een account aan (met dit of een ander e-mailadres), en bevestig dat het om u gaat. De link werkt één keer, 60 dagen lang:\n\n{link}\n\nKlopt er iets niet? Dan kunt u dat daar aangeven; uw werkgever krijgt het te zien.',
    },
    en: {
      subject: 'Check your details in the Beroepsregister Onderwijs',
      text: 'Dear {name},\n\n{board} has delivered your details as an employee to the Beroepsregister Onderwijs: your employment, function and basis of appointment. Would you check that they are right, complete them and approve them?\n\nOpen this personal link, sign in or create an account (with this or another e-mail address), and confirm that it is you. The link works once, for 60 days:\n\n{link}\n\nIs something wrong? You can say so there; your employer will see it.',
    },
  },
  'registration-decision': {
    nl: {
      subject: 'Besluit op uw aanvraag: {register}',
      text: 'Beste {name},\n\nDe Commissie Registratie heeft besloten op uw aanvraag voor {level} in het {register}: {decision}.\n\nMotivering:\n{motivation}\n\nBent u het er niet mee eens? U kunt tot en met {deadline} bezwaar maken via Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Decision on your application: {register}',
      text: 'Dear {name},\n\nThe Commissie Registratie has decided on your application for {level} in the {register}: {decision}.\n\nReasons:\n{motivation}\n\nDo you disagree? You can object until {deadline} through My register:\n\n{link}',
    },
  },
  'attendance-recorded': {
    nl: {
      subject: 'In uw dossier: {title}',
      text: 'Beste {name},\n\n{provider} heeft uw deelname aan "{title}" geregistreerd. De activiteit staat in uw dossier, met {points} punten en {hours} uur studiebelasting:\n\n{link}\n\nKlopt dit niet? Neem dan contact op met {provider}.',
    },
    en: {
      subject: 'In your dossier: {title}',
      text: 'Dear {name},\n\n{provider} has recorded your attendance of "{title}". The activity is in your dossier, with {points} points and {hours} hours of study load:\n\n{link}\n\nIs this not right? Then contact {provider}.',
    },
  },
  'enrolment-struck-off': {
    nl: {
      subject: 'Uw inschrijving is doorgehaald',
      text: 'Beste {name},\n\nUw inschrijving in het Beroepsregister Onderwijs (registernummer {registerNumber}) is doorgehaald. Het openbare register toont dat vanaf nu.\n\nReden:\n{reason}\n\nBent u het er niet mee eens? U kunt binnen zes weken bezwaar maken bij het Beroepsregister Onderwijs. Uw gegevens staan in Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your enrolment has been struck off',
      text: 'Dear {name},\n\nYour enrolment in the Beroepsregister Onderwijs (register number {registerNumber}) has been struck off. The public register shows this from now on.\n\nReason:\n{reason}\n\nDo you disagree? You can object to the Beroepsregister Onderwijs within six weeks. Your details are in My register:\n\n{link}',
    },
  },
  'valuation-decided': {
    nl: {
      subject: 'Uw activiteit is gewaardeerd: {points} punten',
      text: 'Beste {name},\n\nTwee beoordelaars van de Commissie Accreditatie hebben uw activiteit "{title}" achteraf gewaardeerd. De activiteit telt mee met {points} punten: het gemiddelde van hun twee waarderingen.\n\nDe punten en hun motivering staan bij de activiteit in uw dossier:\n\n{link}',
    },
    en: {
      subject: 'Your activity has been valued: {points} points',
      text: 'Dear {name},\n\nTwo assessors of the Commissie Accreditatie have valued your activity "{title}" afterwards. It counts with {points} points: the mean of their two valuations.\n\nThe points and their reasons are with the activity in your dossier:\n\n{link}',
    },
  },
  'offering-information-requested': {
    nl: {
      subject: 'Vraag van de Commissie Accreditatie: {title}',
      text: 'Beste {name},\n\nDe Commissie Accreditatie beoordeelt het aanbod "{title}" en heeft meer informatie nodig:\n\n{question}\n\nBeantwoord de vraag, en pas het aanbod zo nodig aan, via:\n\n{link}\n\nDaarna gaat de beoordeling verder.',
    },
    en: {
      subject: 'Question from the Commissie Accreditatie: {title}',
      text: 'Dear {name},\n\nThe Commissie Accreditatie is reviewing the offering "{title}" and needs more information:\n\n{question}\n\nAnswer the question, and change the offering if needed, at:\n\n{link}\n\nThe review then goes on.',
    },
  },
  'dispute-filed': {
    nl: {
      subject: 'Betwisting van {person}: {employment}',
      text: 'Beste {name},\n\n{person} geeft in het Beroepsregister Onderwijs aan dat een aangeleverd dienstverband niet klopt ({employment}):\n\n{comment}\n\nBeantwoord de betwisting, of lever een correctie aan:\n\n{link}',
    },
    en: {
      subject: 'Dispute from {person}: {employment}',
      text: 'Dear {name},\n\n{person} says in the Beroepsregister Onderwijs that a delivered employment is not right ({employment}):\n\n{comment}\n\nAnswer the dispute, or deliver a correction:\n\n{link}',
    },
  },
  'dispute-answered': {
    nl: {
      subject: 'Uw werkgever heeft uw betwisting beantwoord',
      text: 'Beste {name},\n\n{board} heeft geantwoord op wat u aangaf over uw dienstverband ({employment}):\n\n{reply}\n\nBekijk het antwoord en controleer het dienstverband opnieuw in Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your employer has answered your dispute',
      text: 'Dear {name},\n\n{board} has answered what you said about your employment ({employment}):\n\n{reply}\n\nRead the answer and check the employment again in Mijn register:\n\n{link}',
    },
  },
  'offering-answered': {
    nl: {
      subject: 'Antwoord van {organisation}: {title}',
      text: 'Beste {name},\n\n{organisation} heeft uw vraag over het aanbod "{title}" beantwoord:\n\n{message}\n\nHet aanbod ligt weer bij u ter beoordeling:\n\n{link}',
    },
    en: {
      subject: 'Answer from {organisation}: {title}',
      text: 'Dear {name},\n\n{organisation} has answered your question about the offering "{title}":\n\n{message}\n\nThe offering is back with you for review:\n\n{link}',
    },
  },
  'offering-decision': {
    nl: {
      subject: 'Besluit over uw aanbod: {title}',
      text: 'Beste {name},\n\nDe Commissie Accreditatie heeft besloten over het aanbod "{title}": {decision}.\n\nMotivering:\n{motivation}\n\nU ziet het besluit ook bij het aanbod:\n\n{link}',
    },
    en: {
      subject: 'Decision on your offering: {title}',
      text: 'Dear {name},\n\nThe Commissie Accreditatie has decided on the offering "{title}": {decision}.\n\nReasons:\n{motivation}\n\nYou can also see the decision with the offering:\n\n{link}',
    },
  },
  'reregistration-reminder': {
    nl: {
      subject: 'Uw registratie loopt af op {until}: vraag herregistratie aan',
      text: 'Beste {name},\n\nUw registratie als {level} in het {register} loopt tot en met {until}. Vraag op tijd herregistratie aan, zodat u geregistreerd blijft.\n\nUw voortgang: {progress}\n\nBekijk uw voortgang en vraag herregistratie aan via Mijn register:\n\n{link}\n\nKunt u door ziekte, zwangerschap, verlof of mantelzorg niet op tijd voldoen? Dan kunt u daar ook uitstel aanvragen.',
    },
    en: {
      subject: 'Your registration ends on {until}: apply for re-registration',
      text: 'Dear {name},\n\nYour registration as {level} in the {register} runs until {until}. Apply for re-registration in time, so that you stay registered.\n\nYour progress: {progress}\n\nSee your progress and apply for re-registration through My register:\n\n{link}\n\nCannot meet the rule in time because of illness, pregnancy, leave or caring for someone? You can ask for a postponement there too.',
    },
  },
  'reregistration-conditional': {
    nl: {
      subject: 'Uw registratie staat onder voorwaarden',
      text: 'Beste {name},\n\nUw registratie als {level} in het {register} liep tot en met {until}. Wij hebben geen herregistratie toegekend, dus het openbare register toont nu: onder voorwaarden.\n\nU kunt tot en met {deadline} herregistratie aanvragen; daarna is uw herregistratie verlopen. Hebt u al aangevraagd? Dan hoort u van de Commissie Registratie.\n\n{link}',
    },
    en: {
      subject: 'Your registration is now conditional',
      text: 'Dear {name},\n\nYour registration as {level} in the {register} ran until {until}. No re-registration has been granted, so the public register now shows: conditional (onder voorwaarden).\n\nYou can apply for re-registration until {deadline}; after that your re-registration has lapsed. Already applied? Then the Commissie Registratie will let you know.\n\n{link}',
    },
  },
  'reregistration-lapsed': {
    nl: {
      subject: 'Uw herregistratie is verlopen',
      text: 'Beste {name},\n\nUw registratie als {level} in het {register} liep tot en met {until}, en in de zes maanden daarna is geen herregistratie toegekend. Het openbare register toont nu: herregistratie verlopen.\n\nWilt u weer geregistreerd worden? Vraag dan opnieuw registratie aan via Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your re-registration has lapsed',
      text: 'Dear {name},\n\nYour registration as {level} in the {register} ran until {until}, and no re-registration was granted in the six months after it. The public register now shows: re-registration lapsed.\n\nDo you want to be registered again? Then apply for registration again through My register:\n\n{link}',
    },
  },
  'postponement-decision': {
    nl: {
      subject: 'Besluit op uw verzoek om uitstel: {register}',
      text: 'Beste {name},\n\nDe Commissie Registratie heeft besloten op uw verzoek om uitstel van herregistratie in het {register}: {decision}.\n\nMotivering:\n{motivation}\n\nBent u het er niet mee eens? U kunt binnen zes weken bezwaar maken bij het Beroepsregister Onderwijs. Uw gegevens staan in Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Decision on your request for postponement: {register}',
      text: 'Dear {name},\n\nThe Commissie Registratie has decided on your request to postpone re-registration in the {register}: {decision}.\n\nReasons:\n{motivation}\n\nDo you disagree? You can object to the Beroepsregister Onderwijs within six weeks. Your details are in My register:\n\n{link}',
    },
  },
} as const satisfies Record<string, Record<Lang, { subject: string; text: string }>>;

export type MailTemplate = keyof typeof templates;

/** Fills `{name}` from params; a calendar day (YYYY-MM-DD, as the services pass it) in the one date style of the mail's language. */
function fill(template: string, lang: Lang, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return typeof value === 'number' ? String(value) : formatDay(lang, value);
  });
}

export function renderMail(template: MailTemplate, lang: Lang, params: Record<string, string | number>): { subject: string; text: string } {
  const t = templates[template][lang];
  return { subject: fill(t.subject, lang, params), text: fill(t.text, lang, params) };
}
