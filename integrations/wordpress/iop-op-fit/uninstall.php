<?php
/**
 * Removes the plugin's settings when it is deleted from Plugins (not when it
 * is only deactivated).
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'iop_op_fit_settings' );
