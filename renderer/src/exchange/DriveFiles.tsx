import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { type DriveView } from '../../../shared/contract/drives';
import { call } from '../ipc/client';

type DriveFile = Output<'drives.files'>[number];

/** Resguardo files at the top of one detected drive, each a button that reads it. */
export function DriveFiles(props: {
  drive: DriveView;
  isDisabled: boolean;
  onChoose: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<DriveFile[] | null>(null);
  useEffect(() => {
    let live = true;
    const list = () =>
      call('drives.files', { drive: props.drive.id }).then(
        (found) => live && setFiles(found),
        () => live && setFiles([]),
      );
    void list();
    // Listed again when the window is back in front: a file may have been copied onto the
    // stick meanwhile, without it being unplugged.
    window.addEventListener('focus', list);
    return () => {
      live = false;
      window.removeEventListener('focus', list);
    };
  }, [props.drive.id]);
  return (
    <section
      className="drive-files"
      aria-label={t('handoff.import.driveFiles', { label: props.drive.label })}
    >
      <h4>{t('handoff.import.driveFiles', { label: props.drive.label })}</h4>
      {files === null ? null : files.length === 0 ? (
        <p>{t('handoff.import.noDriveFiles')}</p>
      ) : (
        <ul className="plain-list">
          {files.map((file) => (
            <li key={file.name}>
              <Button
                className="button"
                isDisabled={props.isDisabled}
                onPress={() => props.onChoose(file.name)}
              >
                {t('handoff.import.readFile', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
