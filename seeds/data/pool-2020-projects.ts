/**
 * Published award overview of "Pulje til at styrke omsorg og nærvær i ældreplejen" (2020; 245 mio. kr. for
 * 2020–2021, awarded 18. december 2020 per the pool platform page), extracted from a PDF-to-text conversion of the award table
 * (Ansøger / Projektbeskrivelse / Begrundelse / Bevilget beløb).
 *
 * The texts are as published. The only changes: line-break hyphenation is undone (real hyphens such as
 * "Ikast-Brande", "CPR-nr.", "tids- og" are kept), whitespace (including U+202F narrow no-break spaces)
 * is collapsed to single spaces, the bullet glyph is dropped and "Titel: " is removed from titles.
 * Typos, quote characters and missing final full stops are kept as printed (e.g. "understøtte", "anvender",
 * "udmærket sig", "Fælles Sprog lll", "brugerfalde", "AV-skære", "forberedes", "er at er at").
 *
 * Things to know:
 * - The amounts add up to 246.000.000 kr., 1 mio. kr. more than the 245 mio. kr. the pool is said to distribute.
 * - Brønderslev (4.884.429 kr.) is below the 5 mio. kr. minimum application size mentioned for the pool.
 * - Holstebro's amount is printed without "kr.".
 * - All 31 amounts agree with the DK Nyt news list, but the news list orders the two Copenhagen projects
 *   "Slip hjemmeplejen fri" and "Tryghed i eget hjem" differently (10th and 25th; here 30th and 31st).
 * - The joint project "Tryghed i eget hjem" is printed with "Københavns Kommune" as applicant; Aalborg and
 *   Aarhus appear only in its rationale and in the news list.
 * - The criteria below are not published as such: they are inferred from the recurring rationale
 *   statements, and each bullet is mapped to one of them.
 */
export interface PublishedCriterion { key: string; title: string; description: string; }
export interface PublishedProject {
  /** Order in the published table, 1–31. */
  order: number;
  /** Lead kommune's official three-digit code (e.g. '706' Syddjurs). */
  leadMunicipalityCode: string;
  /** Co-applicant kommuner codes (only the joint Copenhagen–Aalborg–Aarhus project has any). */
  coApplicantCodes: string[];
  /** The applicant as printed, e.g. 'Syddjurs Kommune'. */
  applicant: string;
  title: string;
  /** The paragraph(s) before "Projektet går ud på at:", as published. */
  purpose: string;
  /** The bullets after "Projektet går ud på at:", one string each, as published. */
  activities: string[];
  /** The rationale bullets, each mapped to one criterion key, text exactly as published. */
  rationale: Array<{ criterionKey: string; text: string }>;
  /** The awarded amount in whole kroner, exactly as published. */
  awardedKroner: number;
}

export const PUBLISHED_CRITERIA: PublishedCriterion[] = [
  {
    key: 'formaal',
    title: 'Understøtter puljens formål',
    description: 'Projektet understøtter puljens formål om at styrke omsorg og nærvær i ældreplejen, herunder at se på veje til at reducere unødvendige dokumentationskrav og optimere eksisterende dokumentationsprocesser.',
  },
  {
    key: 'metoder',
    title: 'Innovative metoder og processer',
    description: 'Projektet anvender metoder og processer, herunder inddragelse af borgere, pårørende og medarbejdere, der gennem innovative veje skaber positiv forandring i praksis.',
  },
  {
    key: 'ny-praksis',
    title: 'Ny praksis og overførbarhed',
    description: 'Projektet har potentiale til at skabe ny praksis og løsninger, der kan spredes og overføres til andre kommuner.',
  },
  {
    key: 'organisering',
    title: 'Organisering og gennemførbarhed',
    description: 'Projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet, hvilket sandsynliggør gennemførbarheden.',
  },
  {
    key: 'ressourcer',
    title: 'Ressourcer til læring og tilpasning',
    description: 'Der er afsat og indtænkt nødvendige ressourcer til løbende at indsamle og anvende viden og erfaringer til sparring, evaluering og tilpasning af projektet.',
  },
];

export const PUBLISHED_PROJECTS: PublishedProject[] = [
  {
    order: 1,
    leadMunicipalityCode: '706',
    coApplicantCodes: [],
    applicant: 'Syddjurs Kommune',
    title: 'Mere værdig hjemmepleje',
    purpose: 'Projektets formål er at udvikle en hjemmepleje, hvor den enkelte borger med et behov for hjælp føler sig set, bliver mødt med nærvær og modtager den omsorg, som han eller hun har brug for. Projektet tager udgangspunkt i den model for hjemmepleje, som hollandske Buurtzorg har udviklet.',
    activities: [
      'Implementere selvstyrende teams i hjemmeplejen, så der skabes mere medindflydelse i anvendelse af tid og kompetencer, som bedst afspejler borgernes behov.',
      'Udvikle og tilpasse et planlægningssystem der understøtte de selvstyrende teams.',
      'Styrke det sundhedsfaglige fokus i hjemmeplejen ved i langt højere grad at koble plejeopgaven sammen med et sundhedsfagligt fokus.',
      'Reducere dokumentationstiden ved at styrke medarbejdernes kompetencer i forhold til at lave faglige vurderinger, som visitationen kan anvende i vurderingen af borgerens behov.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at implementere selvstyrende teams i hjemmeplejen samt at optimere eksisterende dokumentationsprocesser ved at styrke medarbejdernes kompetencer ift. at lave faglige vurderinger, som visitationen kan anvende til gavn for den enkelte ældre.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 11014260,
  },
  {
    order: 2,
    leadMunicipalityCode: '147',
    coApplicantCodes: [],
    applicant: 'Frederiksberg Kommune',
    title: 'Borgerdialog: Et digitalt afsæt for stærkere samarbejde og øget omsorg og nærvær',
    purpose: 'Projektets formål er at skabe et tættere samarbejde med borgere og deres pårørende omkring de ydelser, de tilbydes i forbindelse med hjemmepleje, sygepleje, genoptræning og på plejecentre. Projektet bygger på en ny innovativ digital løsning "Borgerdialog", som netop er færdigudviklet i sin første version.',
    activities: [
      'Videreudvikle funktioner og indhold i Borgerdialog i tre spor.',
      'Øge selvbestemmelsen hos borgeren ved at give mulighed for, at borgeren selv kan booke og aflyse aftaler med fagprofessionelle.',
      'Øge dialog og samarbejde ved at give borgeren adgang til samtlige data og egne indsats-/forløbsbeskrivelser.',
      'Tilbyde borgeren nye dialog- og mødeformer med fagprofessionelle.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at skabe nye samarbejder med borgere og deres pårørende omkring de tilbudte ydelser samt at se på veje til at reducere unødvendige dokumentationskrav og optimere eksisterende dokumentationsprocesser til gavn for den enkelte ældre.' },
      { criterionKey: 'ressourcer', text: 'Projektet udmærker sig ved at, der er afsat og indtænkt nødvendige ressourcer til løbende at indsamle og anvende viden, erfaringer og resultater til løbende sparring, evaluering og tilpasning af projektet.' },
    ],
    awardedKroner: 14385500,
  },
  {
    order: 3,
    leadMunicipalityCode: '621',
    coApplicantCodes: [],
    applicant: 'Kolding Kommune',
    title: 'Tættere på',
    purpose: 'Projektets formål er at sætte den ældre borger med behov for støtte og omsorg i centrum ved at forandre og forenkle visitationsproces- og model for borgeren, visitation og udførere.',
    activities: [
      'Vende visitationsprocessen på hovedet, og mindske medarbejdernes dokumentation, forenkle arbejdsprocesser, og frigøre tid og overskud til omsorg og nærvær.',
      'Designe nye og innovative løsninger med fokus på borgere med behov for støtte og omsorg samt udvikle indsatserne til fremtidens borger for at sikre sammenhæng, nærvær og omsorg.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at se på veje til at reducere unødvendige dokumentationskrav og optimere eksisterende dokumentationsprocesser til gavn for den enkelte borger ved bl.a. at vende visitationsprocessen på hovedet.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvende metoder og strategiske designprocesser, der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis.' },
    ],
    awardedKroner: 10542800,
  },
  {
    order: 4,
    leadMunicipalityCode: '730',
    coApplicantCodes: [],
    applicant: 'Randers Kommune',
    title: 'Fra opgavestyring til værdighedskultur',
    purpose: 'Projektets formål er at introducere nye metoder til at styrke omsorg og nærvær i alle mellemmenneskelige relationer på hele ældreområdet og blandt alle faggrupper.',
    activities: [
      'Skabe et fælles sprog på tværs af fagligheder med afsæt i en Værdighedsmodel mhp. at udvikle praksis, kultur og kompetencer.',
      'Implementere Værdighedsmodellen på hele omsorgsområdet.',
      'Anvendelse af dele af Værdighedsmodellen i samarbejdet med pårørende.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at videreudvikle og implementere en værdighedsmodel samt at optimere eksisterende dokumentationsprocesser ved at koble den metodisk tilgang i Værdighedsmodellen og personcentreret omsorg med metoden Fælles Sprog lll til gavn for den enkelte ældre.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 12432109,
  },
  {
    order: 5,
    leadMunicipalityCode: '787',
    coApplicantCodes: [],
    applicant: 'Thisted Kommune',
    title: 'Styrket omsorg og nærvær i ældreplejen via intelligent teknologi og øget rehabilitering',
    purpose: 'Projektets formål er at frigive tid til omsorg og nærvær i ældreplejen ved at tilvejebringe øget kvalitet i dokumentationen og en mere effektiv tilrettelæggelse af den samlede rehabiliteringsindsats i Thisted Kommune.',
    activities: [
      'Undersøge og afprøve hvordan kommunen kan levere en mere tværfaglig og sammenhængende pleje og rehabilitering, hvor livskvalitet og selvbestemmelse er i fokus.',
      'Udarbejde og afprøve rammer for samarbejde og snitflader mellem de faggrupper, som er i berøring med borgeren i hverdagen, og som bl.a. har brug for dokumentation af høj kvalitet for at lykkes med den tværfaglige opgave.',
      'Lette dokumentationsbyrden og øge datakvaliteten via prototyper og test af ny teknologi, f.eks. kunstig intelligens (machine learning) og talesyntese.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at arbejde på en mere effektiv tilrettelæggelse af den samlede rehabiliteringsindsats samt at optimere eksisterende dokumentationsprocesser ved at teste ny teknologi, der øger datakvaliteten til gavn for den enkelte ældre.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 13664901,
  },
  {
    order: 6,
    leadMunicipalityCode: '530',
    coApplicantCodes: [],
    applicant: 'Billund Kommune',
    title: 'Dokumentation og velfærdsteknologi til gavn for borgerne - på borgernes præmisse.',
    purpose: 'Projektets formål er at skabe dokumentationssystemer og velfærdsteknologier til gavn for borgerne, hvor der tages udgangspunkt i borgernes præmisser.',
    activities: [
      'Øge inddragelsen af borgere og pårørende i dokumentationsprocessen og i brugen af velfærdsteknologi.',
      'Udvikle en dokumentationsstruktur, der sikrer synlighed, kontinuitet og en rød tråd gennem borgerforløb. Den nuværende dokumentationspraksis skal forandres, så det bliver et redskab, der bruges til at styrke borgerens selvbestemmelse.',
    ],
    rationale: [
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvender metoder og processer med stor borgerinddragelse, der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 5980716,
  },
  {
    order: 7,
    leadMunicipalityCode: '510',
    coApplicantCodes: [],
    applicant: 'Haderslev Kommune',
    title: 'Kaffe først - mennesket før bureaukrati: Udvikling af en dansk prototype for kommunal ældrepleje inspireret af hollandske Buurtzorg',
    purpose: 'Projektets formål er at udvikle en dansk inspireret udgave af Buurtzorg-modellen. Målet er at udvikle en prototype for ældrepleje, der er bæredygtig i en dansk kontekst, og som for borgerne er båret af få gennemgående relationer.',
    activities: [
      '”Oversætte” kerneelementer fra Buurtzorg-modellen til en dansk kommunal kontekst og arbejde med at tilpasse ældreplejens rammevilkår, så de understøtter kerneelementerne i ældreplejen.',
    ],
    rationale: [
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvender metoder og processer (bl.a. prøvehandlinger), der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 9175851,
  },
  {
    order: 8,
    leadMunicipalityCode: '657',
    coApplicantCodes: [],
    applicant: 'Herning Kommune',
    title: 'Tid til at lære – tid til at leve',
    purpose: 'Projektets formål er at anvende den videobaserede Marte Meo-metode til at skabe sammenhæng og videndeling, så omsorg og nærhed styrkes i ældreplejen.',
    activities: [
      'Familier med demens vil få tilbudt Marte Meo-forløb i eget hjem og i overgangen til plejebolig,',
      'At skabe to professionelle film til undervisningsbrug. Derudover produceres 15 professionelle Marte Meo-film til en ny vidensplatform, som kommer til at ligge i Alzheimerforeningens regi med fri adgang for alle.',
      'Afprøve om videooptagelser, der følger CPR-nr., kan reducere dokumentationen i overgangen fra eget hjem til plejebolig.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at se på veje til at optimere eksisterende dokumentationsprocesser ved bl.a. at afprøve om videooptagelser, der følger CPR-nr., kan reducere dokumentation til gavn for den enkelte ældre i overgangen fra eget hjem til plejebolig.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 5026000,
  },
  {
    order: 9,
    leadMunicipalityCode: '223',
    coApplicantCodes: [],
    applicant: 'Hørsholm Kommune',
    title: 'Nye veje til at styrke det nærværende møde med borgere og pårørende i praksis',
    purpose: 'Projektets formål er at udvikle bedre relationer og skabe bedre forudsætninger for, at borgere og pårørende bliver mødt ligeværdigt og med mulighed for endnu mere medbestemmelse i omsorgsarbejdet.',
    activities: [
      'Udvikle og skabe rum til at tale om og handle på de oplevelser, som borgere og pårørende har i hverdagen, fx ved at udvikle og afprøve feedbackmøder samt videreudvikle arbejdet med livshistorier.',
      'Implementere dele af grundtankerne fra Marte Meo i ældreplejen.',
      'Styrke kvaliteten af omsorgsarbejdet ved at implementere elementer fra metoden ”Our Voice”.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at afprøve og videreudvikle forskellige metoder til gavn for den enkelte ældre og pårørende.' },
      { criterionKey: 'organisering', text: 'Projektet udmærket sig ved, at projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet.' },
    ],
    awardedKroner: 12609870,
  },
  {
    order: 10,
    leadMunicipalityCode: '756',
    coApplicantCodes: [],
    applicant: 'Ikast-Brande Kommune',
    title: 'Selvbestemmelse og involvering - en vej til mere omsorg og nærvær - Buurtzorg som løftestang',
    purpose: 'Projektets formål er at udvikle og afprøve de vigtigste elementer fra Buurtzorg modellen i den kommunale hjemmepleje og hjemmesygepleje.',
    activities: [
      'Tilpasse og afprøve udvalgte elementer fra Buurtzorg modellen i den kommunale ældrepleje.',
      'Udvikle og afprøve nye incitamentsstrukturer i den eksisterende styringsmodel.',
      'Videreudvikle den skriftlige dokumentation.',
      'Udvikle og afprøve et koncept for lærende tilsyn.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at se på veje til at reducere unødvendige dokumentationskrav og optimere eksisterende dokumentationsprocesser ved fire indsatsområder til gavn for den enkelte ældre.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 7576772,
  },
  {
    order: 11,
    leadMunicipalityCode: '573',
    coApplicantCodes: [],
    applicant: 'Varde Kommune',
    title: 'Styrket borgerstyret rehabilitering og hjemmepleje',
    purpose: 'Projektets formål er at styrke omsorg og nærvær for borgere, der har behov for rehabiliterende støtte og/eller kompenserende hjælp samt at reducere medarbejderressourcer bundet til dokumentation og administration. Dette skal ske ved at sætte medarbejderne mere fri til at tilrettelægge og styre efter borgerens ønsker og behov, udfordre vanetænkning og reducere administrative processer og dokumentation.',
    activities: [
      'Udvikle og afprøve en ny organiserings- og ledelsesmodel for arbejdet i ældreplejen, som er bygget op om bæredygtige selvstyrende teams med henblik på at sætte medarbejderne fri til at tilrettelægge opgaveløsningen, så den tager sit afsæt i borgerens ønsker og oplevede behov.',
      'Afprøve erfaringer med den nye organiserings- og ledelsesmodel i to typer af teams gennem pilotprojekter inden for tværfaglig borgerstyret rehabilitering og supporterende hjemmepleje.',
    ],
    rationale: [
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved, at der i udviklingen af selvstyrende teams arbejdes med borger-, medarbejder- og praksisnære processer, herunder coaching, med fokus på forandringer, relationer, kompetenceudvikling og initiativret for medarbejderne.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved, at modellen for selvstyrende teams afprøves på to forskellige områder mhp. at opnå forskellige og tværgående erfaringer på både borger- og medarbejderniveau samt i forhold til det faglige tilbud.' },
    ],
    awardedKroner: 6561227,
  },
  {
    order: 12,
    leadMunicipalityCode: '810',
    coApplicantCodes: [],
    applicant: 'Brønderslev Kommune',
    title: 'Bestyrelser på plejecentrene – Fælles lokalt ansvar',
    purpose: 'Projektet har til formål at styrke omsorg og nærvær på plejecentre ved at gentænke kvalitetsarbejdet gennem etablering af bestyrelser og brugerpanel, som sammen med medarbejderne sætter retningen og rammerne for den lokale kvalitet, og hvordan det skal implementeres.',
    activities: [
      'Introducere bestyrelser for alle kommunens offentlige plejecentre, hvor beboere, pårørende og civilsamfundet skal inddrages i ledelsen, driften og kvalitetsudviklingen på plejecentrene.',
      'Etablere tværfaglige kvalitetsteams på kommunens plejecentre, som arbejder med datadrevet kvalitet med udgangspunkt i kvalitative og kvantitative indikatorer.',
      'Etablere et brugerpanel, som er med til at kvalitetsudvikle og sikre den rette kvalitet.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at etablere bestyrelser for alle plejecentre, hvor alle relevante målgrupper er repræsenteret, og hvor de inddrages i beslutninger om drift, men i særlig grad i arbejdet med kvalitet.' },
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at gennemgå dokumentationen med fokus på at fjerne unødvendig dokumentation og ensrette kvaliteten af den dokumentation, der allerede foretages samt teste dette i et brugerpanel.' },
    ],
    awardedKroner: 4884429,
  },
  {
    order: 13,
    leadMunicipalityCode: '316',
    coApplicantCodes: [],
    applicant: 'Holbæk Kommune',
    title: 'Fagligt overskud til omsorg og nærvær',
    purpose: 'Projektets formål er at styrke den helhedsorienterede tilgang til borgeren. Det sker ved at designe en dataindtastningsflade med tilhørende arbejdsgange for at sikre at et helhedsorienteret blik på borgeren bliver det naturlige valg.',
    activities: [
      'Skabe et samspil mellem faglighed, teknologi og adfærd for at løfte kvalitet, tværfaglighed og sammenhæng i plejen bl.a. gennem adfærdsdesign og nudging-metodikker, der fremmer intuitiv anvendelse af systemer.',
      'Skabe bedre sammenhæng mellem faglige tilgange og dokumentationsredskaber, fx ved at skabe en brugerfalde, som understøtter personcentreret omsorg/helhedsorienteret tilgang.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at der udvikles og implementeres en teknologisk løsning, som tager afsæt i den faglige tilgang (personcentreret omsorg), og som sikrer, at kun relevante data trækkes og vises mhp. at styrke den helhedsorienterede tilgang.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at fokusere på at udrydde tydelige og implicitte adfærdsbarriere gennem en adfærdsanalyse og designsprints med bred inddragelse af borgere, pårørende, medarbejdere og ledere og etablering af fyrtårne til forankring.' },
    ],
    awardedKroner: 8017463,
  },
  {
    order: 14,
    leadMunicipalityCode: '479',
    coApplicantCodes: [],
    applicant: 'Svendborg Kommune',
    title: 'Støtte til livet',
    purpose: 'Projektets formål er at ændre kulturen i samarbejdsprocesser og opgavetilrettelæggelse, så det sker med udgangspunkt i et borgerperspektiv fremfor i et systemperspektiv. Dette ved at organisere arbejdet i tætknyttede teams og iværksættelse af praksisnære aktionslæringsforløb.',
    activities: [
      'Minimere uhensigtsmæssige dokumentationsprocesser og arbejdsgange i den centrale samarbejdsarena, der tilrettelægger og planlægger plejen og omsorgen hos borgerne.',
      'Styrke og udvikle borgerforløb, så borgeren og de pårørende oplever et sammenhængende, koordineret og ikke mindst livsstøttende tilbud.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at udarbejde en model, der giver medarbejderne en frihed i fleksibel planlægning, der tager udgangspunkt i borgerens behov og ikke omvendt. Dette med inspiration i den hollandske Buurtzorg model.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved, at imødekomme udfordringer, som går på tværs af alle kommuner og dermed har godt spredningspotentiale.' },
    ],
    awardedKroner: 9958909,
  },
  {
    order: 15,
    leadMunicipalityCode: '540',
    coApplicantCodes: [],
    applicant: 'Sønderborg Kommune',
    title: 'Forenkling og kvalitet styrker omsorg og nærvær for borgeren',
    purpose: 'Projektets formål er at integrere det borgernære forbedringsarbejde (I sikre hænder) i den daglige dokumentation i ældreplejen ved bl.a. at forenkle arbejdsgange og undgå dobbeltdokumentation, så der skabes bedre overblik over den enkelte borgers situation mhp. at øge kvaliteten i indsatserne og frigive tid til omsorg og nærvær hos borgeren og øge patientsikkerheden.',
    activities: [
      'Udvikle en generisk model for, hvordan forbedringsarbejdet med fokus på medicindokumentation og forebyggelse af medicineringsfejl (UTH) kan integreres i dokumentationen, som senere kan overføres til andre områder.',
      'Generere dataudtræk som viser forbedringsarbejdet og effekterne af indsatserne.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at der arbejdes med at optimere eksisterende dokumentationspraksis ved at udvikle en model for præcis dataindsamling og anvendelse i forbedringsarbejdet mhp. at forebygge fx. fejl ved medicinhåndtering og UTH.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvende og koble tilgange fra I sikre hænder og overføre til projektets udviklingselementer som fx system- og driftsudvikling samt i det organisatoriske spor (ved fx forandringsagenter).' },
    ],
    awardedKroner: 5230010,
  },
  {
    order: 16,
    leadMunicipalityCode: '390',
    coApplicantCodes: [],
    applicant: 'Vordingborg Kommune',
    title: 'Bedre service, mere læring og flere effekter',
    purpose: 'Projektets formål er at opkvalificere ledere og plejepersonale til i endnu højere grad at indgå kvalificeret i relationen med borgere og pårørende og samtidig ’klæde’ pårørende og frivillige på til at påtage sig et større motiveret ansvar og ejerskab for den ældres oplevelse af nærvær, omsorg og oplevelser i hverdagen.',
    activities: [
      'Intensivere samarbejdet med Bruger-pårørende-råd på plejecentrene og etablere et nyt tværgående bruger-pårørende-panel mhp. at overlevere borger- og pårørendeperspektiver på den oplevede kvalitet.',
      'Anvende resultaterne af tilsyn med pleje og sygepleje, dokumentations-praksis og -data på nye måder i udviklingen af kvalitet og dokumentation.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at de inden for tre problemstillinger i forhold til dokumentation vil gennemføre en sagsaudit for borgerjournalisering og dokumentationspraksis mhp. at se, om kvaliteten kan forberedes via dokumentationen. De kører udviklingsforløb på baggrund af gennemgang og afsluttende målinger for at følge op.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved, at de gennemfører læringsloops, arbejder efter PDSA tilgangen og gennemfører prøvehandlinger samt involverer relevante aktører i projektet.' },
    ],
    awardedKroner: 5586902,
  },
  {
    order: 17,
    leadMunicipalityCode: '561',
    coApplicantCodes: [],
    applicant: 'Esbjerg Kommune',
    title: 'Styrket indsats for en værdig død',
    purpose: 'Projektets formål er at styrke omsorg og nærvær i den sidste levetid og sikre en værdig død ved at organisere og tilrettelægge den palliative indsats, så den tager udgangspunkt i borgernes perspektiver, ønsker og behov og i højere grad inddrager de pårørende.',
    activities: [
      'Skabe samarbejdsmodeller og metoder for samarbejdet med og omkring døende borgere og deres pårørende ved bl.a. at øge den faglige viden om palliation og forhold for døende og deres pårørende samt skabe en praksis for at tale med døende og sikre deres selvbestemmelse.',
      'Udvikle ny praksis i forhold til kommunikation og dokumentation, der understøtter pårørende- og borgerinddragelse via brugen af validerede skalaer.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at udbrede eksisterende gode erfaringer med det palliative forløb samt videreudvikle disse fx i forhold til forenkling af dokumentationen og anvendelse af validerede redskaber.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at etablere et innovativt samarbejde/samarbejdsmodel på tværs af sektorer mhp. at handle hurtigere hos den rette part via fx videokonferencer.' },
    ],
    awardedKroner: 5075200,
  },
  {
    order: 18,
    leadMunicipalityCode: '101',
    coApplicantCodes: [],
    applicant: 'Københavns Kommune',
    title: 'Virtuelt mestringskursus for pårørende',
    purpose: 'Projektets formål er at udvikle et online-kursus til pårørende på baggrund af den eksisterende indsats LÆR AT TACKLE hverdagen som pårørende og samtidig opnå generel læring om digitale tilbud til ældre, som udgør en stor del af målgruppen mhp. at forebygge, at de pårørende ikke selv bliver syge, men derimod oplever styrket livskvalitet og selvbestemmelse.',
    activities: [
      'Udvikle, afprøve og evaluere forskellige versioner af en online udgave af kursusforløbet ”Lær at tackle hverdagen som pårørende”.',
      'Innovere en eksisterende indsats og få erfaringer med forskellige digitale løsninger samt at finde frem til en model, som kan sikre, at flere pårørende kan få adgang til redskaber, som hjælper dem til at trives i deres hverdag.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at der afsøges og udvikles forskellige digitale måder at gennemføre pårørendeundervisning på som et alternativ til fysiske møder mhp. at fjerne barriere for de pårørende, som finder det svært at forlade hjemmet.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at afdække målgruppens digitale færdigheder og barrierer, som udgangspunkt for at udvikle nye løsninger, herunder ved løbende brugerinddragelse og brugertest af de forskellige løsninger, og som også andre kommunerne kan få indsigt i.' },
    ],
    awardedKroner: 5595026,
  },
  {
    order: 19,
    leadMunicipalityCode: '671',
    coApplicantCodes: [],
    applicant: 'Struer Kommune',
    title: 'Personcentreret omsorg – vejen til mere nærvær og omsorg i ældreplejen i Struer Kommune',
    purpose: 'Projektets formål er at skabe mere nærvær og omsorg i ældreplejen ved at implementere personcentreret omsorg gennem ændrede arbejdsgange og dokumentation som en overordnet tilgang i ældreplejen. Formålet er at understøtte personcentreret omsorg i praksis, samt at borgere og pårørende inddrages langt mere i at skabe en nærværende og omsorgsfuld hverdag for borgerne.',
    activities: [
      'Flytte dokumentationen fra kontormiljøer og ud til borgernes lejligheder, bl.a. via borgerskærme, for at sætte fokus på borgernes aktuelle behov og ikke opgaven og samtidig bruge mere tid hos borgerne.',
      'Inddrage pårørende i højere grad for at få mere viden om borgerens personlighed og livshistorie mhp. at lykkes med personcentret omsorg i hverdagen.',
    ],
    rationale: [
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved, at der på hvert plejehjem skal nedsættes en arbejdsgruppe, som med afsæt i aktionslæring, skal analysere eksisterende dokumentationspraksis og identificere en ny dokumentationspraksis, som kan skabe mere tid til borgerne og understøtte personcentreret omsorg.' },
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at skabe en ny dokumentationspraksis, som i højere grad foregår i borgernes hjem via skærme, så dokumentationstiden bruges sammen med borgeren.' },
    ],
    awardedKroner: 5150548,
  },
  {
    order: 20,
    leadMunicipalityCode: '851',
    coApplicantCodes: [],
    applicant: 'Aalborg Kommune',
    title: 'Den omsorgsfulde relation med borgeren gennem nærværende møder og samtaler',
    purpose: 'Projektets formål er at styrke den omsorgsfulde og nærværende relation mellem borgere og medarbejdere på plejehjem gennem kulturudvikling, professionelle samtaler og dokumentationsanalyse.',
    activities: [
      'Skabe nærvær i mødet med borgeren, herunder nærvær i de professionelle samtaler gennem praksisnær læring og udvikling af koncept for samtaler.',
      'Gennemføre dokumentationsanalyse/audit mhp. at identificere potentialer for at reducere eks. dokumentationspraksis og dermed øge kvaliteten.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved, at der skabes et koncept for den nærværende professionelle samtale med udgangspunkt i den enkelte borger, som samtidig kommer med gode råd og vejledning.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at igangsætte lokale udviklingsspor, hvor lokale nye ideer til at skabe nærvær afprøves i praksis.' },
    ],
    awardedKroner: 9520000,
  },
  {
    order: 21,
    leadMunicipalityCode: '253',
    coApplicantCodes: [],
    applicant: 'Greve Kommune',
    title: 'Borgerens valg – selvbestemmelse der øger kvalitet i indsatsen',
    purpose: 'Projektets formål er at investere målrettet i forebyggelse af (yderligere) funktionstab hos borgerne ved hjælp af teknologi og et øget fokus på borgerens ressourcer.',
    activities: [
      'Udvikle en ”aktivitetsapp”, hvor alle +80-årige borgere, der er i målgruppen for forebyggende hjemmebesøg og de borgere, der er visiteret til hjælp og støtte fra hjemmeplejen, kan finde de aktiviteter og tilbud, som kommunen vil tilbyde. Dette i samarbejde med civilsamfundet. Derudover kan borgerne gennem app’en selv tage initiativ til og initiere tilbud og aktiviteter, hvis de oplever, at udbuddet af aktiviteter og tilbud ikke matcher de behov, de har.',
      'Støtte borgerne i at træffe egne valg, og fremme borgernes initiativ til at indgå i sociale fællesskaber og socialt samvær. Der er fokus på at motivere og understøtte borgerne i at vælge tilbud og aktiviteter, der leder borgerne ud af ensomhed og ind i værdigivende og varige fællesskaber, der matcher den enkelte ældres behov.',
    ],
    rationale: [
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
      { criterionKey: 'organisering', text: 'Projektet udmærker sig ved at projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet.' },
    ],
    awardedKroner: 5420264,
  },
  {
    order: 22,
    leadMunicipalityCode: '661',
    coApplicantCodes: [],
    applicant: 'Holstebro Kommune',
    title: 'Innovation af medindflydelse – udvikling af ernærings- og bestyrelseskoncept på plejecentre',
    purpose: 'Projektets formål er at afprøve nye tilgange og metoder for inddragelse af både borgere og pårørende, så kommunen fremover kan sikre en højere grad af omsorg og nærvær i ældreplejen. Kommunen vil igennem prøvehandlingerne afprøve forskellige metoder til, hvordan de kan inddrage borgerne og pårørende på nye måder for at sikre, at borgerne og de pårørende fremover bliver tættere inddraget i plejen.',
    activities: [
      'Kvalitetsudvikle ernæringsområdet, så der sker en ensrettet og systematisk håndtering af madservice, samt at borgernes individuelle præferencer bliver inddraget.',
      'Udvikle og etablere en ny ”demokratisk” institution i form af plejecenterbestyrelser, som skal sikre, at beboere og pårørende får en reel indflydelse på ældreplejen på plejecenteret.',
    ],
    rationale: [
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvender metoder og processer (bl.a. prøvehandlinger), der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis.' },
    ],
    awardedKroner: 5157742,
  },
  {
    order: 23,
    leadMunicipalityCode: '630',
    coApplicantCodes: [],
    applicant: 'Vejle Kommune',
    title: 'Pårørende – en stærk samarbejdspartner til at styrke omsorg og nærvær for borgeren',
    purpose: 'Projektets formål er at iværksætte en fælles systematisk indsats til pårørendesamarbejdet for derigennem at styrke omsorg og nærvær for borgere og pårørende. Dette skal efterleves ved hjælp af en række innovative indsatser, som retter sig mod borgere, pårørende og medarbejdere på plejecentre samt i hjemmeplejen.',
    activities: [
      'Afprøvning af forskellige teknologier til at styrke pårørendesamarbejdet og mindske dokumentation, fx. AV-skære og apps.',
      'Etablere et pårørendepanel samt mobile pårørendevejledere.',
      'Udvikle og afprøve uddannelse til medarbejdere for at tilegne sig metoder og værktøjer til det gode samarbejde med pårørende.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at afprøve og videreudvikle forskellige metoder til gavn for den enkelte ældre. Blandt andet ved at styrke pårørendeindsatsen og udvikle relevant materiale til kompetenceudvikling af medarbejderne.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 5203733,
  },
  {
    order: 24,
    leadMunicipalityCode: '410',
    coApplicantCodes: [],
    applicant: 'Middelfart Kommune',
    title: 'Trivsel og værdighed i eget hjem',
    purpose: 'Projektets formål er at øge omsorg og nærvær i kommunens hjemmepleje. Kommunen har på deres plejecentre det seneste år haft øget fokus på personcentreret omsorg og et helhedsorienteret blik på borgerne i beboerkonferencer. Der er sket en faglig transformation, der har medført øget omsorg og nærvær i ældreplejen. Dette skal nu spredes til hjemmeplejen.',
    activities: [
      'Implementere en bæredygtig indsatsmodel med afsæt i en målrettet tilpasning af it-systemer, en styrkelse af det tværfaglige samarbejde samt et servicetjek af eksisterende arbejdsgange og dokumentationspraksis.',
      'Tage afsæt i personcentreret omsorg som tilgang i beboerkonferencerne og derved styrke frontmedarbejdernes forudsætninger for og kompetencer til at arbejde helhedsorienteret med borgeren.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen ved at afprøve og videreudvikle forskellige metoder til gavn for den enkelte ældre.' },
      { criterionKey: 'ressourcer', text: 'Projektet udmærker sig ved en god beskrivelse af, hvordan der i projektet er indtænkt nødvendige ressourcer til løbende at indsamle viden og erfaringer samt løbende at tilpasse projektet.' },
    ],
    awardedKroner: 5040530,
  },
  {
    order: 25,
    leadMunicipalityCode: '326',
    coApplicantCodes: [],
    applicant: 'Kalundborg Kommune',
    title: 'Øget livskvalitet for de ældre i Kalundborg Kommune gennem borgerinddragelse og selvstændig livsførelse',
    purpose: 'Projektets formål er at er at forbedre livskvaliteten for de ældre i Kalundborg Kommune. Kommunen har identificeret en række arbejdsområder og processer, som skal være med til at foretage en række ændringer, der skal styrke kvaliteten af den leverede hjemmepleje.',
    activities: [
      'Øge inddragen af borgere og pårørende via kommunikation, kontinuitet og nære relationer.',
      'Skabe en transparent metodefast og struktureret samarbejdsform på tværs af faglighederne. Tværfaglige teams skal fremover koordinere indsatser og skabe en fælles forståelse af mål sammen med borgeren og pårørende.',
      'Borgerne får én forløbsansvarlig, der sammen med visitator er ansvarlig for både start, opfølgning og effekt af indsatserne.',
    ],
    rationale: [
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at projektet anvender metoder og processer, der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis. Der er en god beskrivelse af, hvordan der ønskes arbejdet med inddragelse af borgere og pårørende.' },
      { criterionKey: 'organisering', text: 'Projektet udmærket sig ved at projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet. Dette sandsynliggør projektets gennemførbarhed.' },
    ],
    awardedKroner: 13208008,
  },
  {
    order: 26,
    leadMunicipalityCode: '791',
    coApplicantCodes: [],
    applicant: 'Viborg Kommune',
    title: 'Implementeringsprojekt, Livets Afslutning – del 2.',
    purpose: 'Projektets formål er at styrke mulighederne for, at den ældre borgers ønsker for livets afslutning kan efterleves, og at det sker i tæt samarbejde med pårørende og det sundhedspersonale, der er involveret undervejs.',
    activities: [
      'Implementere en række fokusområder fra et tidligere projekt, der er centrale i forhold til at skabe mere værdighed i ældreplejen. Disse har til formål forbedre forholdene for både borgere, pårørende, og medarbejdere ift. livets afslutning for borgerne, så den opleves meningsfuld og værdig.',
      'Kvaliteten af den leverede pleje og omsorg skal forbedres ved et skærpet fokus på, at overbehandling, uhensigtsmæssige indlæggelser og dobbelt dokumentation reduceres.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at se på veje til at reducere unødvendige dokumentationskrav og optimere eksisterende dokumentationsprocesser ved livets afslutning til gavn for den enkelte ældre borger.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvende relevante metoder og processer, der understøtter formålet om at styrke omsorg og nærvær i ældreplejen gennem innovative veje og skabe positiv forandring i praksis. Der er en god refleksion og beskrivelse af blandt andet inddragelse af pårørende og medarbejdere, der er afgørende for en god afslutning på livet.' },
    ],
    awardedKroner: 7965504,
  },
  {
    order: 27,
    leadMunicipalityCode: '157',
    coApplicantCodes: [],
    applicant: 'Gentofte Kommune',
    title: 'Vi skruer op for fokus på uddannelse, faglighed og ledelse',
    purpose: 'Projektets formål er at sikre kommunens ældre borgere et værdigt og meningsfuldt liv med selvbestemmelse, respekt og anerkendelse. Projektet skal medføre, at medarbejdere får kompetencer i brugen af en pædagogisk samarbejdsmodel, der balancerer relationen med mennesker med kognitive funktionsnedsættelser, samt at ledere opnår kompetencer til at lede fagligheden i en retning, hvor oplevelser af afmagt og situationer med mulig forråelse i arbejdsfællesskabet og hos den enkelte medarbejder forebygges.',
    activities: [
      'Målrette sprogundervisning til medarbejdere i hjemmeplejen som har dansk som andetsprog. Nærvær og omsorg skabes også gennem sproget. Sproglige udfordringer kan være en barriere for samtaler og gensidig forståelse mellem borger og medarbejder.',
      'Medarbejderne oplæres i at arbejdet med Low Arousal, som er en pædagogisk metode til at bevare roen i pressede situationer, hvor en borger og en medarbejder er involveret.',
      'At videreudvikle et eksisterende redskab, som aktuelt indgår i den elektroniske dokumentation, med henblik på at optimere anvendelsen i praksis og reducere kravene til format og indhold.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen. Dette blandt andet ved projektets fokus på sprogundervisning til to-sprogede, da sproglige barrierer kan være hæmmende ift. kontakten til borgerne.' },
      { criterionKey: 'organisering', text: 'Projektet udmærket sig ved at der er en god organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet. Dette sandsynliggør projektets gennemførbarhed.' },
    ],
    awardedKroner: 12901045,
  },
  {
    order: 28,
    leadMunicipalityCode: '440',
    coApplicantCodes: [],
    applicant: 'Kerteminde Kommune',
    title: 'Datadrevet forebyggelse sammen med borgerne og om borgerne',
    purpose: 'Projektets formål er, at borgerne i hjemmeplejen skal opleve mere nærhed og omsorg. Udgangspunktet for dette vil være et særligt fokus på forbedring af tværfaglighed, den nuværende dokumentationspraksis samt et fornyet mind-set hos ledere og medarbejdere.',
    activities: [
      'Skabe en ny praksis og arbejdsgange for midlertidig visitation, så kommunen kan se nye måder at understøtte borgerens selvstændige livsførelse. Visitation og pleje skal koordineres mhp. at skabe et dynamisk sammenhængende borgerforløb med inddragelse af borger og pårørende ift. mål, plan og opfølgning.',
      'Skubbe debuten for borgerne i ældreplejen, så de i længere tid kan forblive selvstændige, i eget hjem og med en høj livskvalitet i hverdagen. Med en tidlig indsats og en ny tilgang til de rehabiliterende indsatser, ønsker kommunen at støtte og hjælpe borgerne godt videre ift. at opretholde en selvstændig livsførelse.',
    ],
    rationale: [
      { criterionKey: 'organisering', text: 'Projektet udmærket sig ved at projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet. Dette sandsynliggør projektets gennemførbarhed.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner.' },
    ],
    awardedKroner: 7713182,
  },
  {
    order: 29,
    leadMunicipalityCode: '849',
    coApplicantCodes: [],
    applicant: 'Jammerbugt Kommune',
    title: 'Fast kontaktperson og systematisk opfølgning på trivsel hos svage ældre i Jammerbugt Kommune',
    purpose: 'Projektets formål er at afprøve en ny organisering og arbejdsproces, som skal sikre udsatte ældre borgere større sammenhæng og bedre resultater.',
    activities: [
      'Introducere kontaktpersonordning.',
      'Implementere systematisk opfølgning på trivsel og ernæring.',
      'Gennemføre kompetenceudvikling af personale i metoder til bruger- og pårørendesamarbejde.',
    ],
    rationale: [
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved at have potentiale til at skabe ny praksis og løsninger, der kan overføres til andre kommuner' },
      { criterionKey: 'organisering', text: 'Projektet udmærker sig ved at projektets organisering, ledelsesmæssige forankring, tilknyttede kompetencer og erfaring samt tids- og milepælsplan er klart og præcist beskrevet.' },
    ],
    awardedKroner: 5345489,
  },
  {
    order: 30,
    leadMunicipalityCode: '101',
    coApplicantCodes: [],
    applicant: 'Københavns Kommune',
    title: 'Slip hjemmeplejen fri',
    purpose: 'Projektets formål er at udvikle og afprøve en radikalt ny hjemmeplejeløsning ved at skabe en løsning, der giver en synlig og let tilgængelig hjemmepleje, der også aktiverer borgere i at udtrykke sig om behov og ønsker.',
    activities: [
      'Afløse den nuværende BUM-model med en mere fleksibel struktur, hvor medarbejderne, der i dagligdagen er tæt ved borgerne, frisættes til at planlægge og handle på baggrund af borgers (dags)aktuelle behov for omsorg, tryghed og nærvær uden om sædvanlige administrative arbejdsgange.',
      'Afprøve løsningen i to boligområder mhp. justering og tilpasning.',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved i høj grad at opfylde puljen formål om at styrke omsorg og nærvær i ældreplejen ved at ændre visitation- og arbejdstilrettelæggelses-processer.' },
      { criterionKey: 'metoder', text: 'Projektet udmærker sig ved at anvende metoder (simulation, borgerinddragelsesmetoder, erfarings- og vidensopsamling) som kvalificerende for projektets gennemførelse.' },
    ],
    awardedKroner: 5035610,
  },
  {
    order: 31,
    leadMunicipalityCode: '101',
    coApplicantCodes: ['851', '751'],
    applicant: 'Københavns Kommune',
    title: 'Tryghed i eget hjem',
    purpose: 'Projektets formål er at øge borgernes tryghed i eget hjem, samt give pårørende bedre mulighed for at støtte deres nære på den måde, de ønsker ved retænke måden at anvende nødkald på.',
    activities: [
      'Gennemføre behovsafdækning blandt borgere med nødkald og deres pårørende for at blive klogere på deres forskellige perspektiver på, hvad der skaber utryghed i dag, og hvad der kunne gøre dem mere trygge fremover.',
      'Udarbejde en vifte af forslag til indsatser, der sikrer borgere og pårørende den hjælp, de har brug for, når de har brug for den.',
      'Give bud på, hvordan der kan findes bedre teknologiske løsninger til nødkald og udvikles helt andre ikke-teknologiske løsninger',
    ],
    rationale: [
      { criterionKey: 'formaal', text: 'Projektet udmærker sig ved i høj grad at understøtte puljens formål om at styrke omsorg og nærvær i ældreplejen, og der er en klar kobling mellem værdighedstemaer og projektet.' },
      { criterionKey: 'ny-praksis', text: 'Projektet udmærker sig ved, at Københavns, Aalborg og Aarhus kommune er gået sammen for at sikre stor volumen og øge spredningspotentiale. Mulighed for overførbarhed øges bl.a. gennem en afsluttende løsningsbeskrivelse.' },
    ],
    awardedKroner: 5020400,
  },
];
