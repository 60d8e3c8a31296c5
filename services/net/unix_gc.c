/*
 * services/net/unix_gc.c: rights in flight, and the collector of their
 * cycles (unix(7), SCM_RIGHTS).
 *
 * A descriptor passed and not yet received is held by its message.  When
 * it is an AF_UNIX socket whose own queue holds such messages, closing
 * every descriptor can leave sockets that keep each other alive (a socket
 * sent over itself is the least of them).  Each socket counts how often
 * its file is in flight; the collector takes as candidates the sockets
 * whose files are held by nothing else, lets each candidate's queued
 * rights cancel the counts of the candidates they hold, and keeps those
 * still counted from outside, with everything they hold.  What remains is
 * unreachable: its queued rights are dropped, which frees the cycle.  It
 * runs when an AF_UNIX socket is released while rights are in flight, as
 * Linux's unix_gc() does.
 *
 * Files are never dropped under unix_lock (a socket's release takes it):
 * rights leaving a message go to a graveyard that unix_unlock() empties
 * after letting go of the lock.
 *
 * Locks: unix_lock (unix_impl.h).
 */
#include <fw/errno.h>
#include <svc/file.h>
#include "net.h"
#include "unix_impl.h"

/* Rights waiting to be dropped outside the lock. */
static struct scm *unix_graveyard FW_GUARDED_BY(&unix_lock);
/* Sockets whose files are in flight, and whether the collector runs. */
static struct unix_sock *unix_inflight_list FW_GUARDED_BY(&unix_lock);
static bool unix_gc_running FW_GUARDED_BY(&unix_lock);

void
unix_unlock(void)
{
	struct scm *dead = unix_graveyard, *next;

	unix_graveyard = NULL;
	fw_mutex_unlock(&unix_lock);
	for (; dead != NULL; dead = next) {
		next = dead->next;
		scm_free(dead);
	}
}

/* The AF_UNIX socket f is, or NULL. */
static struct unix_sock *
unix_of_file(struct file *f)
{
	struct sock *sk = sock_of_file(f);

	return sk != NULL && sk->family == LINUX_AF_UNIX ? unix_of(sk) : NULL;
}

void
unix_inflight(struct scm *s, int delta)
{
	struct unix_sock *u, **pp;
	unsigned int i;

	for (i = 0; i < s->nfds; i++) {
		if ((u = unix_of_file(s->files[i])) == NULL)
			continue;
		if (delta > 0 && u->inflight++ == 0) {
			u->inext = unix_inflight_list;
			unix_inflight_list = u;
		} else if (delta < 0 && --u->inflight == 0) {
			for (pp = &unix_inflight_list; *pp != u;
			    pp = &(*pp)->inext)
				;
			*pp = u->inext;
			u->inext = NULL;
			u->gc_cand = false;
		}
	}
}

void
unix_bury(struct scm *s)
{
	if (s == NULL)
		return;
	s->next = unix_graveyard;
	unix_graveyard = s;
}

/* Applies fn to every candidate that u's queued rights hold. */
static void
unix_gc_children(struct unix_sock *u, void (*fn)(struct unix_sock *v))
    FW_REQUIRES(&unix_lock)
{
	struct unix_skb *skb;
	struct unix_sock *v;
	unsigned int i;

	for (skb = u->qhead; skb != NULL; skb = skb->next) {
		if (skb->scm == NULL)
			continue;
		for (i = 0; i < skb->scm->nfds; i++)
			if ((v = unix_of_file(skb->scm->files[i])) != NULL &&
			    v->gc_cand)
				fn(v);
	}
}

static void
unix_gc_dec(struct unix_sock *v)
{
	v->gc_refs--;
}

static void
unix_gc_inc(struct unix_sock *v)
{
	v->gc_refs++;
}

/* Drops the queued rights of one unreachable candidate: false if none. */
static bool
unix_gc_drop_one(void) FW_REQUIRES(&unix_lock)
{
	struct unix_sock *u;
	struct unix_skb *skb;

	for (u = unix_inflight_list; u != NULL; u = u->inext) {
		if (!u->gc_cand)
			continue;
		for (skb = u->qhead; skb != NULL; skb = skb->next) {
			if (skb->scm == NULL || skb->scm->nfds == 0)
				continue;
			unix_inflight(skb->scm, -1);
			unix_bury(skb->scm);
			skb->scm = NULL;
			return true;
		}
	}
	return false;
}

void
unix_gc(void)
{
	struct unix_sock *u;
	bool changed;

	fw_mutex_lock(&unix_lock);
	if (unix_inflight_list == NULL || unix_gc_running) {
		unix_unlock();
		return;
	}
	unix_gc_running = true;
	for (u = unix_inflight_list; u != NULL; u = u->inext) {
		/* Held by nothing but messages in flight? */
		u->gc_cand = atomic_load(&u->sk->file->nref) == u->inflight;
		u->gc_refs = u->inflight;
	}
	for (u = unix_inflight_list; u != NULL; u = u->inext)
		if (u->gc_cand)
			unix_gc_children(u, unix_gc_dec);
	/* Counted from outside: reachable, and so is all it holds. */
	do {
		changed = false;
		for (u = unix_inflight_list; u != NULL; u = u->inext) {
			if (!u->gc_cand || u->gc_refs == 0)
				continue;
			u->gc_cand = false;
			unix_gc_children(u, unix_gc_inc);
			changed = true;
		}
	} while (changed);
	while (unix_gc_drop_one())
		;
	for (u = unix_inflight_list; u != NULL; u = u->inext)
		u->gc_cand = false;
	unix_gc_running = false;
	unix_unlock();
}
