import { type z } from 'zod';
import { vocabulary } from './define';

/**
 * ISO 3166-1 alpha-2. The five countries of the Mesoamerican networks first, then neighbours
 * where defenders flee to or transit through. Departments/states and municipalities are free text.
 */
export const country = vocabulary([
  'MX',
  'GT',
  'HN',
  'SV',
  'NI',
  'CR',
  'PA',
  'BZ',
  'CO',
  'US',
  'ES',
]);
export type Country = z.infer<typeof country.schema>;
