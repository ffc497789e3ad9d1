import { render } from 'preact';
import { App } from './App';
import { t } from '@/lib/i18n';

// index.html's <title> is the English fallback: WXT does not substitute messages into HTML.
document.title = t('digestWeekTitle');
render(<App />, document.getElementById('app')!);
