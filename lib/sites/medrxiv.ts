import { openRxivSite } from './page/openrxiv';

export const site = openRxivSite('medrxiv', 'medRxiv');
