import { type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A button that asks before doing something that cannot be undone (delete, decrypt). The dialog
 * is an alertdialog: focus moves into it, Escape cancels, and focus returns to the button.
 */
export function ConfirmButton(props: {
  /** The button that opens the dialog. */
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const tone = props.danger === true ? 'button button-danger' : 'button button-primary';
  return (
    <DialogTrigger>
      <Button
        className={props.danger === true ? 'button button-danger-outline' : 'button'}
        isDisabled={props.isDisabled}
      >
        {props.label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {props.title}
                </Heading>
                <div className="dialog-body">{props.children}</div>
                <div className="actions">
                  <Button className="button" onPress={close} autoFocus>
                    {t('records.cancel')}
                  </Button>
                  <Button
                    className={tone}
                    onPress={() => {
                      close();
                      props.onConfirm();
                    }}
                  >
                    {props.confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
