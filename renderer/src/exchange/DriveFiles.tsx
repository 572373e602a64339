import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { type DriveView } from '../../../shared/contract/drives';
import { useFormat } from '../i18n/format';
import { call } from '../ipc/client';
import { DriveFileAbout } from './DriveFileAbout';

type DriveFile = Output<'drives.files'>[number];

/** What can never be read here: only its line in the list, no button. */
const UNOPENABLE: readonly DriveFile['state'][] = ['not_a_file', 'other_offices'];

/**
 * Resguardo files at the top of one detected drive, each with what main could tell without
 * reading it whole (who sent it and when, or that it needs a passphrase, or is for other
 * offices), and a button that reads it.
 */
export function DriveFiles(props: {
  drive: DriveView;
  isDisabled: boolean;
  onChoose: (name: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
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
        <ul className="plain-list drive-file-list">
          {files.map((file) => (
            <li key={file.name} className="drive-file" data-testid="drive-file">
              <div className="drive-file-text">
                <DriveFileAbout file={file} />
                <span className="drive-file-name">
                  {file.name}
                  {file.state === 'not_a_file' ? null : ` · ${format.bytes(file.size)}`}
                </span>
              </div>
              {UNOPENABLE.includes(file.state) ? null : (
                <Button
                  className="button"
                  isDisabled={props.isDisabled}
                  onPress={() => props.onChoose(file.name)}
                >
                  {t('handoff.import.readFile', { name: file.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
