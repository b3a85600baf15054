import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PopupView, type CacheStats } from '../../components/PopupView';
import { callBackground } from '../../messaging/background';
import '../../assets/page.css';

function Popup() {
  const [stats, setStats] = useState<CacheStats>(undefined);
  useEffect(() => {
    void callBackground('getStats').then((answer) =>
      setStats(
        answer.ok ? answer.value : { error: `The cache could not be read: ${answer.error}` },
      ),
    );
  }, []);
  return <PopupView stats={stats} />;
}

render(<Popup />, document.getElementById('app')!);
