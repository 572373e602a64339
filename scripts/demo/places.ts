import { type Country } from '../../shared/vocabularies';

/** Real departments/states and municipalities of the region (the people and events are fictional). */
export const PLACES: Partial<Record<Country, Record<string, readonly string[]>>> = {
  MX: {
    Oaxaca: [
      'Juchitán de Zaragoza',
      'Oaxaca de Juárez',
      'Santa María Tonameca',
      'San Juan Copala',
      'Tlaxiaco',
    ],
    Guerrero: ['Chilpancingo', 'Tlapa de Comonfort', 'Ayutla de los Libres', 'Acapulco'],
    Chiapas: ['San Cristóbal de las Casas', 'Ocosingo', 'Tapachula', 'Chenalhó'],
    Chihuahua: ['Ciudad Juárez', 'Guachochi', 'Chihuahua'],
    'Ciudad de México': ['Iztapalapa', 'Cuauhtémoc', 'Coyoacán'],
    Sonora: ['Hermosillo', 'Cajeme', 'Bácum'],
  },
  GT: {
    'Alta Verapaz': ['Cobán', 'San Pedro Carchá', 'Chisec'],
    Quiché: ['Santa Cruz del Quiché', 'Nebaj', 'Chichicastenango'],
    Huehuetenango: ['Huehuetenango', 'Santa Eulalia', 'Barillas'],
    Guatemala: ['Ciudad de Guatemala', 'Mixco', 'Villa Nueva'],
  },
  HN: {
    Intibucá: ['La Esperanza', 'Yamaranguila'],
    Colón: ['Tocoa', 'Trujillo'],
    Atlántida: ['La Ceiba', 'Tela'],
    'Francisco Morazán': ['Tegucigalpa', 'Valle de Ángeles'],
  },
  SV: {
    'San Salvador': ['San Salvador', 'Soyapango', 'Mejicanos'],
    Cabañas: ['Sensuntepeque', 'Ilobasco'],
    Usulután: ['Usulután', 'Jiquilisco'],
  },
  NI: {
    Managua: ['Managua', 'Ciudad Sandino'],
    León: ['León', 'Nagarote'],
    'Región Autónoma de la Costa Caribe Norte': ['Bilwi', 'Waspam'],
  },
  CR: { 'San José': ['San José', 'Desamparados'], Puntarenas: ['Buenos Aires', 'Osa'] },
  PA: { 'Comarca Ngäbe-Buglé': ['Kankintú', 'Müna'] },
  BZ: { Toledo: ['Punta Gorda'] },
  CO: { Cauca: ['Popayán', 'Toribío'] },
  US: { Texas: ['El Paso', 'Houston'] },
  ES: { Madrid: ['Madrid'] },
};

/** The five countries of the networks carry almost all cases; neighbours a few (exile, transit). */
export const COUNTRY_WEIGHTS: readonly Country[] = [
  ...Array<Country>(40).fill('MX'),
  ...Array<Country>(20).fill('GT'),
  ...Array<Country>(18).fill('HN'),
  ...Array<Country>(10).fill('SV'),
  ...Array<Country>(8).fill('NI'),
  'CR',
  'PA',
  'BZ',
  'CO',
  'US',
  'ES',
];

export const EXACT_PLACES = [
  'Oficina de la radio comunitaria',
  'Domicilio particular, barrio centro',
  'Carretera federal, km 42',
  'Plaza municipal, durante la asamblea',
  'Frente a la fiscalía regional',
  'Campamento de resistencia a la orilla del río',
  'Sede de la organización',
];
