/** Running one change from a page: a toast either way, and the page reloaded when it worked. */
import { App } from 'antd';
import { messageOf } from '../api/client.ts';

/** `change(what, call)`: runs `call`; on success shows `what` and calls `after`; true when done. */
export function useChange(after: () => void) {
  const { message } = App.useApp();
  return async (what: string, call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      message.success(what);
      after();
      return true;
    } catch (thrown) {
      message.error(messageOf(thrown));
      return false;
    }
  };
}
