/* User memory is reached by copy, through the framework. */
#include <fw/types.h>
#include <fw/uaccess.h>
#include <fw/vm.h>

int	safe_c_peek(struct fw_vm *vm, fw_uaddr_t u, char *out);

int
safe_c_peek(struct fw_vm *vm, fw_uaddr_t u, char *out)
{
	uint64_t page = fw_page_down(u.v);

	(void)page;
	return fw_copy_from_user(vm, out, u, 1);
}
