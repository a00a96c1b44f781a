import { Alert, App, Descriptions } from 'antd';
import type { Person } from '../../../../shared/contracts/people';
import { useRevealPerson } from '../../api/people-hooks';

/** Ask first, because every reveal is written to the audit log under the user's name. */
export function useRevealDialog() {
  const { modal } = App.useApp();
  const reveal = useRevealPerson();

  return (person: Person) =>
    modal.confirm({
      title: `查看 ${person.name} 的完整信息？`,
      content: '完整的身份证号和手机号属于个人敏感信息，本次查看将记录到审计日志。',
      okText: '确认查看',
      cancelText: '取消',
      onOk: () =>
        reveal.mutateAsync(person.id).then((data) => {
          modal.info({
            title: `${person.name} 的完整信息`,
            width: 480,
            okText: '关闭',
            content: (
              <>
                <Alert type="warning" showIcon style={{ margin: '12px 0' }} message="本次查看已被记录，请勿截屏、抄录或外传。" />
                <Descriptions column={1} bordered size="small">
                  <Descriptions.Item label="身份证号">{data.idNumber ?? '未登记'}</Descriptions.Item>
                  <Descriptions.Item label="手机号">{data.phone ?? '未登记'}</Descriptions.Item>
                </Descriptions>
              </>
            ),
          });
        })
        // The failure was already shown by the global handler; just close the question.
        .catch(() => undefined),
    });
}
