import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { keysetPage, type ListOrders, type Page, PageQuery } from '../core/pagination/page.js';
import type { NotificationSortField } from './dto/notification.dto.js';
import { Notification } from './notification.entity.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  subjectType?: string | null;
  subjectId?: string | null;
  caseId?: string | null;
  link?: string | null;
  reminderId?: string | null;
}

/** The inbox's orders, on notification_inbox_idx either way. */
export const NOTIFICATION_ORDERS: ListOrders<Notification, NotificationSortField> = {
  default: '-createdAt',
  keys: {
    createdAt: [
      { column: 'notification.created_at', key: (row) => row.createdAt.toISOString() },
      { column: 'notification.id', key: (row) => row.id },
    ],
  },
};

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Files a notification; one per reminder at most, so doing it again changes nothing. */
  async file(manager: EntityManager, notification: NewNotification): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ subjectType: null, subjectId: null, caseId: null, link: null, reminderId: null, readAt: null, ...notification })
      .orIgnore()
      .execute();
  }

  /** The inbox item a reminder or outcome message filed, if it has been filed. */
  forReminder(manager: EntityManager, reminderId: string): Promise<Notification | null> {
    return manager.findOneBy(Notification, { reminderId });
  }

  /** The user's own inbox, newest first. */
  async inbox(userId: string, query: PageQuery & { unread?: boolean; sort?: string }): Promise<Page<Notification>> {
    const builder = this.dataSource.getRepository(Notification).createQueryBuilder('notification').where('notification.user_id = :userId', { userId });
    if (query.unread) builder.andWhere('notification.read_at IS NULL');
    return keysetPage(builder, 'notifications', query, NOTIFICATION_ORDERS);
  }

  /** How many of the user's notifications are unread (the header's badge), on the inbox's own index. */
  async unreadCount(userId: string): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return row.count;
  }

  /** Marks one of the user's own notifications read; someone else's does not exist for them. */
  async markRead(id: string, userId: string, now: Date): Promise<Notification> {
    const repository = this.dataSource.getRepository(Notification);
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw new NotFoundDomainException('Beskeden', id);
    if (notification.readAt === null) {
      notification.readAt = now;
      await repository.update({ id, userId }, { readAt: now });
    }
    return notification;
  }
}
