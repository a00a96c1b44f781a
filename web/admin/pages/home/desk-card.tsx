// 待办 on the home page: one line per kind of work waiting, with its nearest deadline and a link.
import { Badge, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useDesk } from '../../api/desk-hooks';

export function DeskCard() {
  const { data, isPending } = useDesk();
  return (
    <Card
      title={
        <Space>
          我的待办
          {data && data.total > 0 && <Badge count={data.total} overflowCount={999} data-testid="desk-total" />}
        </Space>
      }
    >
      <Skeleton loading={isPending} active paragraph={{ rows: 2 }}>
        {!data || data.items.length === 0 ? (
          <Empty image={<CheckCircleOutlined style={{ fontSize: 40, color: '#52c41a' }} />} description="暂无待办事项" />
        ) : (
          <List
            dataSource={data.items}
            renderItem={(item) => (
              <List.Item
                data-testid={`desk-${item.kind}`}
                actions={[
                  <Link key="go" to={item.link}>
                    <Button type="link" size="small">
                      去处理 <RightOutlined />
                    </Button>
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <span>{item.title}</span>
                      <Tag color="red" data-testid={`desk-count-${item.kind}`}>
                        {item.count}
                      </Tag>
                      {item.overdue > 0 && <Tag color="error">已逾期 {item.overdue}</Tag>}
                    </Space>
                  }
                  description={
                    <Space size="large" wrap>
                      <Typography.Text type="secondary">{item.detail}</Typography.Text>
                      {item.deadline && <Typography.Text type="secondary">截止 {item.deadline}</Typography.Text>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Skeleton>
    </Card>
  );
}
