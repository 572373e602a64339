import { useTranslation } from 'react-i18next';
import { type Output } from '../../../shared/contract';
import { useFormat } from '../i18n/format';

type DriveFile = Output<'drives.files'>[number];

/** One file on a stick in words: who sent it, when, for whom — as far as main could tell. */
export function DriveFileAbout({ file }: { file: DriveFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = file.createdAt === null ? null : format.moment(file.createdAt);
  if (file.state !== 'for_this_office' || file.sender === null || when === null) {
    return (
      <strong className="drive-file-about">{t(`handoff.import.stickFile.${file.state}`)}</strong>
    );
  }
  const { name, status } = file.sender;
  return (
    <strong className="drive-file-about">
      {status === 'self' ? (
        <>
          <span className="badge">{t('handoff.import.stickFile.ownBadge')}</span>{' '}
          {t('handoff.import.stickFile.own', { when })}
        </>
      ) : (
        t(`handoff.import.stickFile.from_${status}`, { office: name, when })
      )}
    </strong>
  );
}
