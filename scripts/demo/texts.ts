import { type AggressionType, type ResponseType } from '../../shared/vocabularies';
import { type Random } from './random';

/** One opening per aggression type: fictional, sober, never graphic. */
const OPENINGS: Record<AggressionType, string> = {
  harassment:
    'Durante varias semanas recibió visitas y llamadas insistentes de personas desconocidas',
  intimidation:
    'Hombres sin identificar se presentaron en su domicilio para preguntar por sus horarios',
  threat: 'Recibió un mensaje advirtiéndole que dejara de participar en la asamblea',
  death_threat: 'Le dejaron una nota con una amenaza de muerte en la puerta de su casa',
  smear_campaign: 'Aparecieron publicaciones que la acusaban de recibir dinero extranjero',
  false_information: 'Circularon volantes con información falsa sobre su vida privada',
  surveillance: 'Una camioneta sin placas vigiló la sede de la organización por varios días',
  criminalization:
    'La fiscalía abrió una carpeta de investigación en su contra por supuesto despojo',
  arbitrary_detention: 'Fue detenida sin orden judicial al salir de una reunión comunitaria',
  excessive_force: 'La policía dispersó la manifestación pacífica con gas lacrimógeno y golpes',
  raid: 'Personas armadas irrumpieron en la oficina y revisaron los archivos',
  physical_assault: 'Fue agredida físicamente por dos personas cuando regresaba del mercado',
  sexual_violence: 'Denunció un hecho de violencia sexual ocurrido durante su detención',
  sexual_harassment: 'Un funcionario le hizo comentarios de carácter sexual durante una audiencia',
  online_harassment:
    'Cuentas anónimas publicaron cientos de mensajes hostiles en sus redes sociales',
  account_hacking: 'Su cuenta de correo fue intervenida y se enviaron mensajes en su nombre',
  doxxing: 'Publicaron en internet la dirección de su casa y los nombres de sus hijas',
  equipment_seizure: 'Le retuvieron la computadora y el teléfono en un retén militar',
  forced_displacement: 'Tuvo que abandonar su comunidad con su familia tras las amenazas',
  disappearance: 'Su compañero de lucha no volvió a casa y no se conoce su paradero',
  attempted_killing: 'Dispararon contra el vehículo en el que viajaba sin lograr herirla',
  killing: 'La comunidad informó el asesinato de una integrante del movimiento',
  aggression_against_close_person: 'Su hijo fue interceptado y amenazado a la salida de la escuela',
};

const CONTEXTS = [
  'Los hechos ocurrieron días después de que presentara una denuncia pública sobre la concesión',
  'La defensora acompaña desde hace años a familias que buscan a sus seres queridos',
  'El contexto es la oposición comunitaria a un proyecto extractivo en el territorio',
  'Ella coordina un programa de radio comunitaria en su lengua',
  'La agresión coincidió con la audiencia del caso que lleva la organización',
  'En la región se han registrado otras agresiones contra integrantes de la red',
];

const DETAILS = [
  'Testigos vieron a las mismas personas en otras ocasiones cerca de la sede.',
  'La defensora tomó capturas de pantalla y guardó los mensajes recibidos.',
  'Las autoridades locales no respondieron a la solicitud de apoyo.',
  'La red activó su protocolo de seguridad y se comunicó con ella esa misma noche.',
  'Ella expresó temor por la seguridad de sus hijas e hijos.',
  'Se identificó un patrón similar en agresiones anteriores en el municipio.',
  'Integrantes de la comunidad señalaron a personal de seguridad privada.',
  'No fue posible identificar a los responsables con certeza.',
  'El hecho fue documentado por la enlace regional con su consentimiento.',
];

export function narrative(random: Random, types: readonly AggressionType[]): string {
  const opening = types.map((t) => `${OPENINGS[t]}.`).join(' ');
  const details = random.sample(DETAILS, random.int(2, 4)).join(' ');
  return `${opening} ${random.pick(CONTEXTS)}. ${details}`;
}

export function caseTitle(
  random: Random,
  type: AggressionType,
  municipality: string | null,
): string {
  const what = OPENINGS[type].split(' ').slice(0, 6).join(' ');
  return `${what}… ${municipality ? `(${municipality})` : ''}`.trim();
}

export const PERPETRATOR_DESCRIPTIONS = [
  'Dos hombres en motocicleta',
  'Agentes con uniforme de la policía estatal',
  'Personal de seguridad de la empresa',
  'Cuenta anónima en redes sociales',
  'Un funcionario municipal',
  'Soldados en un retén',
  'Integrantes de un grupo antiderechos',
  'Un familiar cercano',
  'Personas desconocidas',
  '',
];

export const OUTCOMES: Partial<Record<ResponseType, string>> = {
  urgent_alert: 'Alerta difundida a la red regional; respuesta de 14 organizaciones.',
  protection_mechanism_request: 'Solicitud admitida; se otorgaron medidas de protección.',
  iachr_precautionary_measures: 'Solicitud enviada; en espera de respuesta de la Comisión.',
  prosecutor_complaint: 'Denuncia registrada; la fiscalía no ha citado a declarar.',
};

export const NOTES = [
  'Llamar a la defensora el lunes para revisar el plan de seguridad.',
  'Pendiente: confirmar consentimiento para compartir con organizaciones aliadas.',
  'La defensora pidió no usar su nombre en el pronunciamiento.',
  'Actualizar el análisis de riesgo después de la audiencia.',
  'Se coordinó con la casa de respiro para una estancia de dos semanas.',
];
