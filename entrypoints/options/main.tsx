import { render } from 'preact';
import { OptionsView } from '../../components/OptionsView';
import '../../assets/page.css';

render(<OptionsView />, document.getElementById('app')!);
