import { render } from 'preact';
import { App } from './App';
import { messagesLanguage, t } from '@/lib/i18n';

// index.html's <title> and lang are the English fallback: WXT does not substitute messages into HTML.
document.documentElement.lang = messagesLanguage();
document.title = t('digestWeekTitle');
render(<App />, document.getElementById('app')!);
