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
      text: 'Beste {name},\n\n{person} geeft in het Beroepsregister Onderwijs aan dat aangeleverde gegevens niet kloppen ({employment}).\n\nWat klopt niet: {fields}\n\n{comment}\n\nBeantwoord de betwisting, of lever een correctie aan:\n\n{link}',
    },
    en: {
      subject: 'Dispute from {person}: {employment}',
      text: 'Dear {name},\n\n{person} says in the Beroepsregister Onderwijs that delivered details are not right ({employment}).\n\nWhat is wrong: {fields}\n\n{comment}\n\nAnswer the dispute, or deliver a correction:\n\n{link}',
    },
  },
  'dispute-answered': {
    nl: {
      subject: 'Uw werkgever heeft uw betwisting beantwoord',
      text: 'Beste {name},\n\n{board} heeft geantwoord op wat u aangaf over uw gegevens ({employment}):\n\n{reply}\n\nBekijk het antwoord en controleer uw gegevens opnieuw in Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your employer has answered your dispute',
      text: 'Dear {name},\n\n{board} has answered what you said about your details ({employment}):\n\n{reply}\n\nRead the answer and check your details again in Mijn register:\n\n{link}',
    },
  },
  'dispute-digest': {
    nl: {
      subject: "{board}: {count} keer 'klopt niet' sinds het vorige overzicht",
      text: 'Beste {name},\n\nMedewerkers van {board} gaven in het Beroepsregister Onderwijs aan dat aangeleverde gegevens niet kloppen ({count} keer sinds het vorige overzicht):\n\n{list}\n\nBeantwoord de betwistingen, of lever een correctie aan:\n\n{link}\n\nU krijgt dit overzicht één keer per dag, alleen als er iets nieuw is. Een beheerder van het bestuur kan instellen dat u elke betwisting direct krijgt:\n\n{settings}',
    },
    en: {
      subject: "{board}: {count} times 'not correct' since the last overview",
      text: 'Dear {name},\n\nStaff of {board} said in the Beroepsregister Onderwijs that delivered details are not right ({count} times since the last overview):\n\n{list}\n\nAnswer the disputes, or deliver a correction:\n\n{link}\n\nYou get this overview once a day, only when there is something new. An administrator of the board can choose to have each dispute mailed at once:\n\n{settings}',
    },
  },
  'dispute-corrected': {
    nl: {
      subject: 'Uw werkgever heeft uw gegevens gecorrigeerd',
      text: 'Beste {name},\n\nU gaf aan dat aangeleverde gegevens niet klopten ({employment}). {board} heeft ze met een nieuwe aanlevering gecorrigeerd.\n\nWilt u ze opnieuw controleren, en aangeven of ze nu kloppen? Dat kan in Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your employer has corrected your details',
      text: 'Dear {name},\n\nYou said that delivered details were not right ({employment}). {board} has corrected them with a new delivery.\n\nWould you check them again, and say whether they are right now? You can do so in Mijn register:\n\n{link}',
    },
  },
  'check-reminder': {
    nl: {
      subject: 'Herinnering: controleer uw gegevens in het Beroepsregister Onderwijs',
      text: 'Beste {name},\n\nUw werkgever heeft gegevens over uw werk aangeleverd aan het Beroepsregister Onderwijs. U hebt deze nog niet gecontroleerd:\n\n{employments}\n\nKloppen ze? Geef het aan met "Klopt" of "Klopt niet" in Mijn register:\n\n{link}\n\nHebt u nog geen account? Maak er een aan met dit e-mailadres, of gebruik de persoonlijke link uit de uitnodiging die u eerder kreeg.',
    },
    en: {
      subject: 'Reminder: check your details in the Beroepsregister Onderwijs',
      text: 'Dear {name},\n\nYour employer has delivered details of your work to the Beroepsregister Onderwijs. You have not checked these yet:\n\n{employments}\n\nAre they right? Say so with "Correct" or "Not correct" in Mijn register:\n\n{link}\n\nNo account yet? Create one with this e-mail address, or use the personal link from the invitation you had before.',
    },
  },
  'check-reminder-board': {
    nl: {
      subject: '{board} vraagt u uw gegevens te controleren',
      text: 'Beste {name},\n\n{board} heeft gegevens over uw werk aangeleverd aan het Beroepsregister Onderwijs en vraagt u die te controleren. U hebt deze nog niet gecontroleerd:\n\n{employments}\n\nKloppen ze? Geef het aan met "Klopt" of "Klopt niet" in Mijn register:\n\n{link}\n\nHebt u nog geen account? Maak er een aan met dit e-mailadres, of gebruik de persoonlijke link uit de uitnodiging die u eerder kreeg.',
    },
    en: {
      subject: '{board} asks you to check your details',
      text: 'Dear {name},\n\n{board} has delivered details of your work to the Beroepsregister Onderwijs and asks you to check them. You have not checked these yet:\n\n{employments}\n\nAre they right? Say so with "Correct" or "Not correct" in Mijn register:\n\n{link}\n\nNo account yet? Create one with this e-mail address, or use the personal link from the invitation you had before.',
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
  'office-mandate-granted': {
    nl: {
      subject: '{board} machtigt {office} om aan te leveren',
      text: 'Beste {name},\n\n{board} (bestuursnummer {boardNumber}) heeft {office} gemachtigd om namens het bestuur personeelsgegevens aan te leveren aan het Beroepsregister Onderwijs. Uw medewerkers en uw API-tokens met de bevoegdheid aanleveren kunnen dat nu doen; noem het bestuursnummer bij elke aanlevering.\n\nDe besturen waarvoor u aanlevert:\n\n{link}',
    },
    en: {
      subject: '{board} authorises {office} to deliver',
      text: 'Dear {name},\n\n{board} (board number {boardNumber}) has authorised {office} to deliver staff data to the Beroepsregister Onderwijs on its behalf. Your staff and your API tokens with the scope aanleveren can do so now; name the board number with every delivery.\n\nThe boards you deliver for:\n\n{link}',
    },
  },
  'office-mandate-withdrawn': {
    nl: {
      subject: '{board} heeft de machtiging van {office} ingetrokken',
      text: 'Beste {name},\n\n{board} (bestuursnummer {boardNumber}) heeft de machtiging van {office} om namens het bestuur aan te leveren ingetrokken. U kunt voor dit bestuur niet meer aanleveren, en de aanleveringen die u eerder voor het bestuur deed, ziet u niet meer; het bestuur zelf heeft ze nog.\n\nDe besturen waarvoor u nog aanlevert:\n\n{link}',
    },
    en: {
      subject: '{board} has withdrawn the authorisation of {office}',
      text: 'Dear {name},\n\n{board} (board number {boardNumber}) has withdrawn the authorisation of {office} to deliver on its behalf. You can no longer deliver for this board, and you no longer see the deliveries you made for it earlier; the board itself still has them.\n\nThe boards you still deliver for:\n\n{link}',
    },
  },
  'person-unlinked': {
    nl: {
      subject: 'Uw account is losgekoppeld van een inschrijving',
      text: 'Beste {name},\n\nHet Beroepsregister Onderwijs heeft uw account losgekoppeld van de inschrijving met registernummer {registerNumber}. U ziet die gegevens niet meer in Mijn register.\n\nReden:\n{reason}\n\nKlopt dit niet? Neem dan contact op met het Beroepsregister Onderwijs. Mijn register:\n\n{link}',
    },
    en: {
      subject: 'Your account has been unlinked from an enrolment',
      text: 'Dear {name},\n\nThe Beroepsregister Onderwijs has unlinked your account from the enrolment with register number {registerNumber}. You no longer see those details in My register.\n\nReason:\n{reason}\n\nIs this not right? Then contact the Beroepsregister Onderwijs. My register:\n\n{link}',
    },
  },
  'person-linked': {
    nl: {
      subject: 'Uw account is gekoppeld aan uw inschrijving',
      text: 'Beste {name},\n\nHet Beroepsregister Onderwijs heeft uw account gekoppeld aan de inschrijving met registernummer {registerNumber}. U vindt uw gegevens in Mijn register:\n\n{link}\n\nReden:\n{reason}\n\nZijn dit niet uw gegevens? Neem dan meteen contact op met het Beroepsregister Onderwijs.',
    },
    en: {
      subject: 'Your account has been linked to your enrolment',
      text: 'Dear {name},\n\nThe Beroepsregister Onderwijs has linked your account to the enrolment with register number {registerNumber}. Your details are in My register:\n\n{link}\n\nReason:\n{reason}\n\nAre these not your details? Then contact the Beroepsregister Onderwijs at once.',
    },
  },
  'koploper-estimate': {
    nl: {
      subject: 'Uw aanmelding als koploperschool: {school}',
      text: 'Beste {name},\n\nDank voor de aanmelding van {school} ({board}) als koploperschool. Het registerbureau neemt telefonisch contact met u op voor een kennismaking over de manier van aanleveren en uw wensen voor voorlichting.\n\nUw inschatting van de tijd die de school kwijt is (model versie {version}):\n{lines}\nTotaal: ongeveer {total} uur\n\nU vindt de inschatting ook hier:\n{link}',
    },
    en: {
      subject: 'Your application as a pioneer school: {school}',
      text: 'Dear {name},\n\nThank you for applying with {school} ({board}) as a pioneer school (koploperschool). The register office will call you to talk about how you will deliver the data and what information sessions you would like.\n\nYour estimate of the time the school will spend (model version {version}):\n{lines}\nTotal: about {total} hours\n\nYou can also find the estimate here:\n{link}',
    },
  },
  'event-confirm-link': {
    nl: {
      subject: 'Bevestig uw aanmelding: {title}',
      text: 'Beste {name},\n\nU meldde zich aan voor "{title}" op {when}. Bevestig uw aanmelding via deze link ({hours} uur geldig):\n\n{link}\n\nPas na de bevestiging hebt u een plaats (of een plek op de wachtlijst, als de bijeenkomst dan vol is). Hebt u zich niet aangemeld? Dan kunt u deze e-mail negeren.',
    },
    en: {
      subject: 'Confirm your registration: {title}',
      text: 'Dear {name},\n\nYou registered for "{title}" on {when}. Confirm your registration with this link (valid for {hours} hours):\n\n{link}\n\nOnly after confirming do you have a place (or a place on the waiting list, if the event is full by then). Did not register? Then you can ignore this e-mail.',
    },
  },
  'event-registered': {
    nl: {
      subject: 'U bent aangemeld: {title}',
      text: 'Beste {name},\n\nU hebt een plaats bij "{title}".\n\nWanneer: {when}\nWaar: {where}\n\nDe bijeenkomst: {link}\nIn uw agenda: {calendar}\n\nKunt u toch niet komen? Meld u dan af, zodat iemand van de wachtlijst uw plaats krijgt:\n\n{cancel}',
    },
    en: {
      subject: 'You are registered: {title}',
      text: 'Dear {name},\n\nYou have a place at "{title}".\n\nWhen: {when}\nWhere: {where}\n\nThe event: {link}\nIn your calendar: {calendar}\n\nCannot come after all? Then cancel, so that someone on the waiting list gets your place:\n\n{cancel}',
    },
  },
  'event-waiting': {
    nl: {
      subject: 'Op de wachtlijst: {title}',
      text: 'Beste {name},\n\n"{title}" op {when} is vol. U staat op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan krijgt u die vanzelf en hoort u het per e-mail.\n\nDe bijeenkomst: {link}\n\nWilt u niet meer op de wachtlijst staan? Meld u dan af:\n\n{cancel}',
    },
    en: {
      subject: 'On the waiting list: {title}',
      text: 'Dear {name},\n\n"{title}" on {when} is full. You are on the waiting list, at number {position}. When a place frees, it is yours without asking, and you hear so by e-mail.\n\nThe event: {link}\n\nNo longer want to wait? Then cancel:\n\n{cancel}',
    },
  },
  'event-moved-up': {
    nl: {
      subject: 'Er is een plaats voor u: {title}',
      text: 'Beste {name},\n\nEr is een plaats vrijgekomen bij "{title}", en die is nu van u: u stond op de wachtlijst.\n\nWanneer: {when}\nWaar: {where}\n\nDe bijeenkomst: {link}\nIn uw agenda: {calendar}\n\nKunt u toch niet komen? Meld u dan af, zodat de volgende de plaats krijgt:\n\n{cancel}',
    },
    en: {
      subject: 'There is a place for you: {title}',
      text: 'Dear {name},\n\nA place has freed at "{title}", and it is now yours: you were on the waiting list.\n\nWhen: {when}\nWhere: {where}\n\nThe event: {link}\nIn your calendar: {calendar}\n\nCannot come after all? Then cancel, so that the next person gets the place:\n\n{cancel}',
    },
  },
  'event-reminder': {
    nl: {
      subject: 'Herinnering: {title}',
      text: 'Beste {name},\n\nOver twee dagen is "{title}", en u hebt een plaats.\n\nWanneer: {when}\nWaar: {where}\n\nDe bijeenkomst: {link}\n\nKunt u niet komen? Meld u dan af, zodat iemand van de wachtlijst uw plaats krijgt:\n\n{cancel}',
    },
    en: {
      subject: 'Reminder: {title}',
      text: 'Dear {name},\n\nIn two days it is "{title}", and you have a place.\n\nWhen: {when}\nWhere: {where}\n\nThe event: {link}\n\nCannot come? Then cancel, so that someone on the waiting list gets your place:\n\n{cancel}',
    },
  },
  'event-cancelled': {
    nl: {
      subject: 'Gaat niet door: {title}',
      text: 'Beste {name},\n\n"{title}" op {when} gaat niet door. Uw aanmelding vervalt; u hoeft niets te doen.\n\nAndere bijeenkomsten vindt u op {link}.',
    },
    en: {
      subject: 'Cancelled: {title}',
      text: 'Dear {name},\n\n"{title}" on {when} is cancelled. Your registration lapses; you need not do anything.\n\nOther events are at {link}.',
    },
  },
  'event-changed': {
    nl: {
      subject: 'Gewijzigd: {title}',
      text: 'Beste {name},\n\nDe tijd of plaats van "{title}" is gewijzigd. Zo is het nu:\n\nWanneer: {when}\nWaar: {where}\n\nDe bijeenkomst: {link}\nIn uw agenda: {calendar}\n\nKunt u nu niet komen? Meld u dan af:\n\n{cancel}',
    },
    en: {
      subject: 'Changed: {title}',
      text: 'Dear {name},\n\nThe time or place of "{title}" has changed. This is how it is now:\n\nWhen: {when}\nWhere: {where}\n\nThe event: {link}\nIn your calendar: {calendar}\n\nCannot come now? Then cancel:\n\n{cancel}',
    },
  },
  'feedback-invitation': {
    nl: {
      subject: 'Hoe was het? {title}',
      text: 'Beste {name},\n\nU was bij "{title}" op {when}. Wilt u ons laten weten hoe het was? Het kost een paar minuten: een cijfer en drie korte vragen. Wat u zegt, gebruiken we om het beroepsregister verder te ontwikkelen.\n\nUw antwoord wordt bewaard bij uw aanmelding en staat in uw AVG-download.\n\nDe vragen (de link werkt één keer, {days} dagen lang):\n\n{link}',
    },
    en: {
      subject: 'How was it? {title}',
      text: 'Dear {name},\n\nYou attended "{title}" on {when}. Would you tell us how it was? It takes a few minutes: a rating and three short questions. What you say is used to develop the register further.\n\nYour answer is kept with your registration and is in your GDPR download.\n\nThe questions (the link works once, for {days} days):\n\n{link}',
    },
  },
  'feedback-invitation-anonymous': {
    nl: {
      subject: 'Hoe was het? {title}',
      text: 'Beste {name},\n\nU was bij "{title}" op {when}. Wilt u ons laten weten hoe het was? Het kost een paar minuten: een cijfer en drie korte vragen. Wat u zegt, gebruiken we om het beroepsregister verder te ontwikkelen.\n\nUw antwoord is anoniem: het wordt bewaard zonder uw naam of aanmelding.\n\nDe vragen (de link werkt één keer, {days} dagen lang):\n\n{link}',
    },
    en: {
      subject: 'How was it? {title}',
      text: 'Dear {name},\n\nYou attended "{title}" on {when}. Would you tell us how it was? It takes a few minutes: a rating and three short questions. What you say is used to develop the register further.\n\nYour answer is anonymous: it is kept without your name or registration.\n\nThe questions (the link works once, for {days} days):\n\n{link}',
    },
  },
  'event-unregistered': {
    nl: {
      subject: 'Afgemeld: {title}',
      text: 'Beste {name},\n\nU bent afgemeld voor "{title}" op {when}. Wilt u toch komen? Meld u dan opnieuw aan (als de bijeenkomst vol is, komt u op de wachtlijst):\n\n{link}',
    },
    en: {
      subject: 'Cancelled: your registration for {title}',
      text: 'Dear {name},\n\nYour registration for "{title}" on {when} is cancelled. Want to come after all? Then register again (if the event is full, you go on the waiting list):\n\n{link}',
    },
  },
  'event-group': {
    nl: {
      subject: 'Uw groep bij {title}: groep {group}',
      text: 'Beste {name},\n\nBij "{title}" praat u in groepen. U zit in groep {group}.\n\nWanneer: {when}\nWaar: {where}\n\nIn uw groep zitten ook:\n{members}\n\nDe groepen zijn zo samengesteld dat u mensen uit andere regio\'s, soorten scholen en rollen spreekt. Van de anderen krijgt u alleen de voornaam en de rol; uw e-mailadres krijgen zij niet.\n\nDe bijeenkomst: {link}',
    },
    en: {
      subject: 'Your group at {title}: group {group}',
      text: 'Dear {name},\n\nAt "{title}" we talk in groups. You are in group {group}.\n\nWhen: {when}\nWhere: {where}\n\nAlso in your group:\n{members}\n\nThe groups are made so that you meet people from other regions, kinds of schools and roles. You get only the first name and role of the others; they do not get your e-mail address.\n\nThe event: {link}',
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
