/*
 * svc/tty.h: what the other subsystems ask of terminals
 * (services/tty/ctty.c): a session's controlling terminal for
 * /proc/<pid>/stat, and the end of a session leader.  The console, the
 * boot session's terminal, is not reported.
 *
 * Locks: each call takes the terminal locks it needs; call with no
 * process lock held.
 */
#ifndef SVC_TTY_H
#define SVC_TTY_H

#include <fw/types.h>

/*
 * The pty session sid controls: 0 with *tty_nr its device number as
 * stat's tty_nr encodes it (new_encode_dev) and *tpgid its foreground
 * group (0 for none), or -ENOENT.
 */
FW_MUST_CHECK int	tty_session_info(int sid, uint32_t *tty_nr,
			    int *tpgid);
/*
 * The leader of session sid exits (Linux's disassociate_ctty): its pty's
 * foreground group gets SIGHUP and the pty no session.
 */
void			tty_session_end(int sid);

#endif
