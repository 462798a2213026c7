import { Button } from './button.js';
import { PostForm } from './post-form.js';

/** A panel's closing danger button ("sign out everywhere else") with the note that goes with it. */
export function PanelFootAction(props: { action: string; csrfToken: string; label: string; note: string }) {
  return (
    <div class="panel-foot">
      <PostForm action={props.action} csrfToken={props.csrfToken}>
        <Button variant="danger">{props.label}</Button>
      </PostForm>
      <p class="panel-note">{props.note}</p>
    </div>
  );
}
