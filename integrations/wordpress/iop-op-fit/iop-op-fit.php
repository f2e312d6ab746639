<?php
/**
 * Plugin Name:       IOP/OP self-screen (iop-op-fit)
 * Description:       A short, private self-screen that suggests which level of addiction care may fit (IOP, OP, or more). Add it with the [iop_op_fit] shortcode; set your defaults under Settings → IOP/OP self-screen.
 * Version:           0.1.0
 * Requires at least: 5.0
 * Requires PHP:      7.0
 * Author:            iop-op-fit contributors
 * License:           MIT OR Apache-2.0
 * License URI:       https://spdx.org/licenses/MIT.html
 * Text Domain:       iop-op-fit
 *
 * This plugin is dual-licensed under the MIT licence or the Apache License 2.0,
 * at your option, like the rest of iop-op-fit. Both are GPL-compatible (MIT
 * with GPLv2 and later, Apache-2.0 with GPLv3), so it may be used with and
 * distributed alongside WordPress.
 *
 * How it works: the shortcode prints an empty mount point,
 * <div data-iop-op-fit data-org-name="…" …></div>, each attribute escaped
 * with esc_attr(), and enqueues the widget's loader (iop-op-fit.js, deferred)
 * once per page, only on pages that use the shortcode. The loader finds its
 * core/ folder next to its own URL. Because the page's script comes from the
 * plugin and not from the post, it works for Authors and Contributors, whose
 * pasted <script> tags WordPress removes (kses).
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'IOP_OP_FIT_VERSION', '0.1.0' );
define( 'IOP_OP_FIT_OPTION', 'iop_op_fit_settings' );
define( 'IOP_OP_FIT_HANDLE', 'iop-op-fit' );

/**
 * Every widget option (README "Options"): shortcode attribute => data attribute.
 * The shortcode takes the options in snake_case (orgName → org_name); unknown
 * attributes are ignored.
 */
function iop_op_fit_widget_options() {
	return array(
		'org_name'              => 'data-org-name',
		'phone'                 => 'data-phone',
		'contact_url'           => 'data-contact-url',
		'locale'                => 'data-locale',
		'languages'             => 'data-languages',
		'theme_color'           => 'data-theme-color',
		'color_scheme'          => 'data-color-scheme',
		'serves_adolescents'    => 'data-serves-adolescents',
		'levels'                => 'data-levels',
		'detox'                 => 'data-detox',
		'medication'            => 'data-medication',
		'crisis_region'         => 'data-crisis-region',
		'storage'               => 'data-storage',
		'storage_key'           => 'data-storage-key',
		'emit_events'           => 'data-emit-events',
		'op_name'               => 'data-op-name',
		'op_hours'              => 'data-op-hours',
		'op_schedule'           => 'data-op-schedule',
		'op_therapies'          => 'data-op-therapies',
		'iop_name'              => 'data-iop-name',
		'iop_hours'             => 'data-iop-hours',
		'iop_schedule'          => 'data-iop-schedule',
		'iop_therapies'         => 'data-iop-therapies',
		'php_name'              => 'data-php-name',
		'php_hours'             => 'data-php-hours',
		'php_schedule'          => 'data-php-schedule',
		'php_therapies'         => 'data-php-therapies',
		'residential_name'      => 'data-residential-name',
		'residential_schedule'  => 'data-residential-schedule',
		'residential_therapies' => 'data-residential-therapies',
	);
}

/** The site-wide defaults the settings page keeps (widget options), plus script_url. */
function iop_op_fit_setting_keys() {
	return array( 'org_name', 'phone', 'contact_url', 'locale', 'languages', 'crisis_region', 'theme_color', 'levels', 'detox', 'medication', 'script_url' );
}

/** The saved settings, every key present (empty string: not set). */
function iop_op_fit_settings() {
	$saved    = get_option( IOP_OP_FIT_OPTION, array() );
	$saved    = is_array( $saved ) ? $saved : array();
	$settings = array();
	foreach ( iop_op_fit_setting_keys() as $key ) {
		$settings[ $key ] = isset( $saved[ $key ] ) && is_scalar( $saved[ $key ] ) ? (string) $saved[ $key ] : '';
	}
	return $settings;
}

/** The copy of the widget's files inside this plugin (assets/, filled by a build step; not in git). */
function iop_op_fit_bundled_file() {
	return plugin_dir_path( __FILE__ ) . 'assets/iop-op-fit.js';
}

/** The loader's URL: the "Script URL" setting, else the plugin's own assets/ copy. */
function iop_op_fit_script_url() {
	$settings = iop_op_fit_settings();
	if ( '' !== $settings['script_url'] ) {
		return $settings['script_url'];
	}
	return plugins_url( 'assets/iop-op-fit.js', __FILE__ );
}

/* ------------------------------------------------------------------ */
/* Front end: the shortcode and the loader.                            */
/* ------------------------------------------------------------------ */

add_action( 'init', 'iop_op_fit_register' );

function iop_op_fit_register() {
	add_shortcode( 'iop_op_fit', 'iop_op_fit_shortcode' );

	$settings = iop_op_fit_settings();
	if ( '' === $settings['script_url'] ) {
		// The bundled copy: its modification time busts caches after an update.
		$file    = iop_op_fit_bundled_file();
		$version = file_exists( $file ) ? (string) filemtime( $file ) : IOP_OP_FIT_VERSION;
	} else {
		$version = null; // Someone else's URL (a CDN): leave it exactly as given, for integrity values.
	}
	// Footer, deferred ("strategy" is WordPress 6.3+; the filter below adds
	// defer on older versions, where the array simply means "in the footer").
	wp_register_script(
		IOP_OP_FIT_HANDLE,
		iop_op_fit_script_url(),
		array(),
		$version,
		array(
			'in_footer' => true,
			'strategy'  => 'defer',
		)
	);
}

add_filter( 'script_loader_tag', 'iop_op_fit_defer', 10, 2 );

/** Adds defer to the loader's tag when WordPress has not (before 6.3). */
function iop_op_fit_defer( $tag, $handle ) {
	if ( IOP_OP_FIT_HANDLE !== $handle || preg_match( '/<script\b[^>]*\sdefer[\s=>]/i', $tag ) ) {
		return $tag;
	}
	return preg_replace( '/<script\b/i', '<script defer', $tag, 1 );
}

/**
 * [iop_op_fit org_name="…" phone="…" …]: a mount point for the widget.
 * Attributes override the site-wide defaults; empty ones are left out, so the
 * widget uses its own default; the widget checks every value and says in the
 * browser console what it did with a bad one.
 */
function iop_op_fit_shortcode( $atts ) {
	$options  = iop_op_fit_widget_options();
	$settings = iop_op_fit_settings();

	// Accept kebab-case too (org-name), as the data attributes are spelled.
	$given = array();
	foreach ( (array) $atts as $name => $value ) {
		if ( is_string( $name ) ) {
			$given[ str_replace( '-', '_', strtolower( $name ) ) ] = $value;
		}
	}

	$defaults = array();
	foreach ( $options as $att => $data ) {
		$defaults[ $att ] = isset( $settings[ $att ] ) ? $settings[ $att ] : '';
	}
	$values = shortcode_atts( $defaults, $given, 'iop_op_fit' );

	$html = '<div data-iop-op-fit';
	foreach ( $options as $att => $data ) {
		$value = is_scalar( $values[ $att ] ) ? trim( (string) $values[ $att ] ) : '';
		if ( '' !== $value ) {
			$html .= ' ' . $data . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '></div>';

	// Once per page, however many shortcodes: WordPress prints each handle once.
	wp_enqueue_script( IOP_OP_FIT_HANDLE );

	return $html;
}

/* ------------------------------------------------------------------ */
/* Settings → IOP/OP self-screen                                        */
/* ------------------------------------------------------------------ */

add_action( 'admin_init', 'iop_op_fit_admin_init' );
add_action( 'admin_menu', 'iop_op_fit_admin_menu' );
add_action( 'admin_enqueue_scripts', 'iop_op_fit_admin_scripts' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'iop_op_fit_action_links' );

function iop_op_fit_admin_menu() {
	add_options_page(
		__( 'IOP/OP self-screen', 'iop-op-fit' ),
		__( 'IOP/OP self-screen', 'iop-op-fit' ),
		'manage_options',
		'iop-op-fit',
		'iop_op_fit_settings_page'
	);
}

/** On the settings page only: the colour picker fills the colour's text box, and a typed colour moves the picker. */
function iop_op_fit_admin_scripts( $hook ) {
	if ( 'settings_page_iop-op-fit' !== $hook ) {
		return;
	}
	wp_register_script( 'iop-op-fit-admin', false, array(), IOP_OP_FIT_VERSION, true );
	wp_enqueue_script( 'iop-op-fit-admin' );
	wp_add_inline_script(
		'iop-op-fit-admin',
		'(function () { var text = document.getElementById("iop_op_fit_theme_color"), picker = document.getElementById("iop_op_fit_theme_color_picker");'
		. ' if (!text || !picker) return;'
		. ' picker.addEventListener("input", function () { text.value = picker.value; });'
		. ' text.addEventListener("input", function () { if (/^#[0-9a-f]{6}$/i.test(text.value.trim())) picker.value = text.value.trim(); }); })();'
	);
}

function iop_op_fit_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=iop-op-fit' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'iop-op-fit' ) . '</a>' );
	return $links;
}

/** Choices for the select and checkbox fields: value => label. */
function iop_op_fit_choices( $key ) {
	switch ( $key ) {
		case 'locale':
			return array(
				''        => __( "The page's language (else the visitor's)", 'iop-op-fit' ),
				'en'      => 'English',
				'es'      => 'Español',
				'ht'      => 'Kreyòl ayisyen',
				'pt-BR'   => 'Português (Brasil)',
				'zh-Hans' => '简体中文',
			);
		case 'languages':
			return array_diff_key( iop_op_fit_choices( 'locale' ), array( '' => '' ) );
		case 'crisis_region':
			return array(
				'national'      => __( 'National (SAMHSA helpline)', 'iop-op-fit' ),
				'massachusetts' => __( "Massachusetts (the state's helplines)", 'iop-op-fit' ),
			);
		case 'detox':
			return array(
				''      => __( 'Not said', 'iop-op-fit' ),
				'true'  => __( 'Yes: medically managed withdrawal on site', 'iop-op-fit' ),
				'false' => __( 'No: withdrawal care elsewhere first', 'iop-op-fit' ),
			);
		case 'levels':
			return array(
				'op'          => __( 'Outpatient (OP)', 'iop-op-fit' ),
				'iop'         => __( 'Intensive outpatient (IOP)', 'iop-op-fit' ),
				'php'         => __( 'Partial hospitalization (PHP)', 'iop-op-fit' ),
				'residential' => __( 'Residential', 'iop-op-fit' ),
			);
		case 'medication':
			return array(
				'buprenorphine' => __( 'Buprenorphine', 'iop-op-fit' ),
				'methadone'     => __( 'Methadone', 'iop-op-fit' ),
				'naltrexone'    => __( 'Naltrexone', 'iop-op-fit' ),
				'none'          => __( 'None of these', 'iop-op-fit' ),
			);
	}
	return array();
}

function iop_op_fit_admin_init() {
	// The Settings API: options.php checks the nonce settings_fields() prints
	// and the manage_options capability, then calls the sanitizer.
	register_setting(
		'iop_op_fit',
		IOP_OP_FIT_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'iop_op_fit_sanitize',
			'default'           => array(),
		)
	);

	add_settings_section( 'iop_op_fit_provider', __( 'Your organisation', 'iop-op-fit' ), '__return_false', 'iop-op-fit' );
	add_settings_section( 'iop_op_fit_care', __( 'The care you offer', 'iop-op-fit' ), '__return_false', 'iop-op-fit' );
	add_settings_section( 'iop_op_fit_files', __( "The widget's files", 'iop-op-fit' ), 'iop_op_fit_files_section', 'iop-op-fit' );

	$fields = array(
		'org_name'      => array( 'iop_op_fit_provider', __( 'Organisation name', 'iop-op-fit' ), 'text', __( 'Up to 200 characters, shown as text.', 'iop-op-fit' ) ),
		'phone'         => array( 'iop_op_fit_provider', __( 'Phone', 'iop-op-fit' ), 'tel', __( 'Digits, spaces and + - ( ) . only, 3 to 15 digits; without one there is no call button.', 'iop-op-fit' ) ),
		'contact_url'   => array( 'iop_op_fit_provider', __( 'Contact page', 'iop-op-fit' ), 'url', __( 'A full https:// address, a path starting with /, or mailto:.', 'iop-op-fit' ) ),
		'locale'        => array( 'iop_op_fit_provider', __( 'Language', 'iop-op-fit' ), 'select', '' ),
		'languages'     => array( 'iop_op_fit_provider', __( 'Languages offered', 'iop-op-fit' ), 'checkboxes', __( 'The languages the visitor can switch to. None ticked means all.', 'iop-op-fit' ) ),
		'crisis_region' => array( 'iop_op_fit_provider', __( 'Crisis lines', 'iop-op-fit' ), 'select', '' ),
		'theme_color'   => array( 'iop_op_fit_provider', __( 'Theme colour', 'iop-op-fit' ), 'color', __( '#rgb or #rrggbb, dark enough for 4.5:1 contrast on white. Empty: #0b5cad.', 'iop-op-fit' ) ),
		'levels'        => array( 'iop_op_fit_care', __( 'Levels of care you run', 'iop-op-fit' ), 'checkboxes', __( 'None ticked means all four.', 'iop-op-fit' ) ),
		'detox'         => array( 'iop_op_fit_care', __( 'Detox on site', 'iop-op-fit' ), 'select', '' ),
		'medication'    => array( 'iop_op_fit_care', __( 'Medicines you offer', 'iop-op-fit' ), 'checkboxes', __( 'None ticked: not said.', 'iop-op-fit' ) ),
		'script_url'    => array( 'iop_op_fit_files', __( 'Script URL', 'iop-op-fit' ), 'url', '' ),
	);
	foreach ( $fields as $key => $field ) {
		add_settings_field(
			'iop_op_fit_' . $key,
			$field[1],
			'iop_op_fit_field',
			'iop-op-fit',
			$field[0],
			array(
				'key'         => $key,
				'title'       => $field[1],
				'kind'        => $field[2],
				'description' => $field[3],
				'label_for'   => in_array( $field[2], array( 'checkboxes' ), true ) ? null : 'iop_op_fit_' . $key,
			)
		);
	}
}

function iop_op_fit_files_section() {
	$bundled = plugins_url( 'assets/iop-op-fit.js', __FILE__ );
	echo '<p>' . esc_html__( 'Leave the Script URL empty to use the copy inside this plugin:', 'iop-op-fit' ) . ' <code>' . esc_html( $bundled ) . '</code>. ';
	echo esc_html__( 'Or give the address of iop-op-fit.js on your own host or a CDN; its core/ folder must sit beside it, and another origin must send CORS headers.', 'iop-op-fit' ) . '</p>';
	if ( ! file_exists( iop_op_fit_bundled_file() ) ) {
		echo '<p><strong>' . esc_html__( 'This copy of the plugin has no bundled files (assets/iop-op-fit.js is missing): set a Script URL, or install the plugin zip from a release.', 'iop-op-fit' ) . '</strong></p>';
	}
}

/**
 * Prints one settings field. A value refused on the last save is named by its
 * field too (GOV.UK's error message: above the control, which points to it
 * with aria-describedby and is marked aria-invalid).
 */
function iop_op_fit_field( $args ) {
	$settings = iop_op_fit_settings();
	$key      = $args['key'];
	$value    = $settings[ $key ];
	$id       = 'iop_op_fit_' . $key;
	$name     = IOP_OP_FIT_OPTION . '[' . $key . ']';

	$invalid = '';
	foreach ( get_settings_errors( IOP_OP_FIT_OPTION ) as $error ) {
		if ( $id === $error['code'] ) {
			echo '<p class="iop-op-fit-error" id="' . esc_attr( $id . '_error' ) . '" style="color:#b32d2e;font-weight:600;margin:0 0 4px">'
				. '<span class="screen-reader-text">' . esc_html__( 'Error:', 'iop-op-fit' ) . ' </span>' . esc_html( $error['message'] ) . '</p>';
			$invalid = ' aria-invalid="true" aria-describedby="' . esc_attr( $id . '_error' ) . '"';
		}
	}

	switch ( $args['kind'] ) {
		case 'select':
			if ( 'crisis_region' === $key && '' === $value ) {
				$value = 'national';
			}
			echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '">';
			foreach ( iop_op_fit_choices( $key ) as $choice => $label ) {
				echo '<option value="' . esc_attr( $choice ) . '"' . selected( $value, (string) $choice, false ) . '>' . esc_html( $label ) . '</option>';
			}
			echo '</select>';
			break;
		case 'checkboxes':
			$ticked = array_filter( array_map( 'trim', explode( ',', $value ) ) );
			echo '<fieldset><legend class="screen-reader-text">' . esc_html( $args['title'] ) . '</legend>';
			foreach ( iop_op_fit_choices( $key ) as $choice => $label ) {
				echo '<label><input type="checkbox" name="' . esc_attr( $name ) . '[]" value="' . esc_attr( $choice ) . '"'
					. checked( in_array( $choice, $ticked, true ), true, false ) . '> ' . esc_html( $label ) . '</label><br>';
			}
			echo '</fieldset>';
			break;
		case 'color':
			// A text box, which may be empty for the widget's default, and a
			// colour picker that fills it (a picker alone cannot be empty).
			echo '<input type="text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" placeholder="#0b5cad" size="9"' . $invalid . '> ';
			echo '<input type="color" id="' . esc_attr( $id . '_picker' ) . '" value="' . esc_attr( '' === $value ? '#0b5cad' : iop_op_fit_six_digits( $value ) ) . '"> ';
			echo '<label for="' . esc_attr( $id . '_picker' ) . '">' . esc_html__( 'or pick one', 'iop-op-fit' ) . '</label>';
			break;
		default:
			// Plain text inputs: type=url would refuse a relative path such as /contact.
			$type      = 'tel' === $args['kind'] ? 'tel' : 'text';
			$inputmode = 'url' === $args['kind'] ? ' inputmode="url"' : '';
			echo '<input class="regular-text" type="' . esc_attr( $type ) . '" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '"'
				. $inputmode . $invalid . '>';
	}
	if ( '' !== $args['description'] ) {
		echo '<p class="description">' . esc_html( $args['description'] ) . '</p>';
	}
}

/**
 * Cleans the settings form before WordPress stores it. It may run twice on
 * the first save (add_option), so it also takes its own output.
 */
function iop_op_fit_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$clean = array();
	// Outside the settings form (a plugin or WP-CLI calling update_option) there is no page to show notices on.
	$error = function ( $code, $message ) {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( IOP_OP_FIT_OPTION, $code, $message );
		}
	};
	$get   = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) ? $input[ $key ] : '';
	};
	$text  = function ( $value ) {
		return is_scalar( $value ) ? sanitize_text_field( (string) $value ) : '';
	};

	// The widget's limit for shown text (src/options/spec.rs).
	$org_name          = $text( $get( 'org_name' ) );
	$clean['org_name'] = mb_strlen( $org_name ) <= 200 ? $org_name : '';
	if ( '' !== $org_name && '' === $clean['org_name'] ) {
		$error( 'iop_op_fit_org_name', __( 'Organisation name: it is longer than 200 characters, so it was not saved. Shorten it.', 'iop-op-fit' ) );
	}

	// The widget's phone rule (src/options/spec.rs): digits with + - ( ) . and spaces, 3 to 15 digits.
	$phone          = trim( $text( $get( 'phone' ) ) );
	$digits         = preg_match_all( '/[0-9]/', $phone );
	$clean['phone'] = preg_match( '/^\+?[0-9 ().-]*$/', $phone ) && $digits >= 3 && $digits <= 15 ? $phone : '';
	if ( '' !== $phone && '' === $clean['phone'] ) {
		$error( 'iop_op_fit_phone', sprintf( /* translators: %s: the number typed */ __( 'Phone: "%s" is not a phone number, so it was not saved. Use digits with optional + - ( ) . and spaces, like +1-555-010-0100.', 'iop-op-fit' ), $phone ) );
	}

	foreach ( array( 'contact_url', 'script_url' ) as $key ) {
		$url           = trim( $text( $get( $key ) ) );
		$protocols     = 'contact_url' === $key ? array( 'https', 'http', 'mailto' ) : array( 'https', 'http' );
		$clean[ $key ] = '' === $url ? '' : esc_url_raw( $url, $protocols );
		if ( '' !== $url && '' === $clean[ $key ] ) {
			$error(
				'iop_op_fit_' . $key,
				'contact_url' === $key
					/* translators: %s: the address typed */
					? sprintf( __( 'Contact page: "%s" is not an address the widget can use, so it was not saved. Use a full https:// address, a path starting with /, or mailto:.', 'iop-op-fit' ), $url )
					/* translators: %s: the address typed */
					: sprintf( __( 'Script URL: "%s" is not an address the widget can use, so it was not saved. Use a full https:// address.', 'iop-op-fit' ), $url )
			);
		}
	}

	foreach ( array( 'locale', 'crisis_region', 'detox' ) as $key ) {
		$value         = $text( $get( $key ) );
		$clean[ $key ] = array_key_exists( $value, iop_op_fit_choices( $key ) ) ? $value : '';
	}
	if ( 'national' === $clean['crisis_region'] ) {
		$clean['crisis_region'] = ''; // the widget's default
	}

	$colour = trim( $text( $get( 'theme_color' ) ) );
	$clean['theme_color'] = '' === $colour ? '' : (string) sanitize_hex_color( $colour );
	if ( '' !== $colour && '' === $clean['theme_color'] ) {
		$error( 'iop_op_fit_theme_color', sprintf( /* translators: %s: the colour typed */ __( 'Theme colour: "%s" is not a #rgb or #rrggbb colour, so it was not saved. Use a hex colour like #0b5cad, or leave it empty for the default.', 'iop-op-fit' ), $colour ) );
	} elseif ( '' !== $clean['theme_color'] && iop_op_fit_contrast_with_white( $clean['theme_color'] ) < 4.5 ) {
		// The widget's own limit (src/options/spec.rs): white button text must stay readable.
		$error( 'iop_op_fit_theme_color', sprintf( /* translators: %s: the colour typed */ __( 'Theme colour: "%s" is too light for white text on it (it needs 4.5:1 contrast), so it was not saved. Use a darker colour, or leave it empty for the default.', 'iop-op-fit' ), $colour ) );
		$clean['theme_color'] = '';
	}

	foreach ( array( 'levels', 'medication', 'languages' ) as $key ) {
		$given  = $get( $key );
		$given  = is_array( $given ) ? $given : explode( ',', is_scalar( $given ) ? (string) $given : '' );
		$given  = array_map( $text, $given );
		$picked = array_values( array_intersect( array_keys( iop_op_fit_choices( $key ) ), $given ) );
		if ( 'medication' === $key && in_array( 'none', $picked, true ) ) {
			$picked = array( 'none' );
		}
		$clean[ $key ] = implode( ',', $picked );
	}

	return $clean;
}

/** #rgb as #rrggbb, for the colour picker. */
function iop_op_fit_six_digits( $hex ) {
	return 4 === strlen( $hex ) ? '#' . $hex[1] . $hex[1] . $hex[2] . $hex[2] . $hex[3] . $hex[3] : $hex;
}

/** The WCAG 2 contrast ratio of a #rgb or #rrggbb colour against white, as the widget works it out. */
function iop_op_fit_contrast_with_white( $hex ) {
	$rgb       = array_map( 'hexdec', str_split( substr( iop_op_fit_six_digits( $hex ), 1 ), 2 ) );
	$linear    = function ( $c ) {
		$c /= 255;
		return $c <= 0.03928 ? $c / 12.92 : pow( ( $c + 0.055 ) / 1.055, 2.4 );
	};
	$luminance = 0.2126 * $linear( $rgb[0] ) + 0.7152 * $linear( $rgb[1] ) + 0.0722 * $linear( $rgb[2] );
	return 1.05 / ( $luminance + 0.05 );
}

/** The settings page itself. */
function iop_op_fit_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'iop-op-fit' ) );
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . esc_html__( 'These are the defaults for every [iop_op_fit] shortcode on the site. A shortcode attribute overrides its default, for example:', 'iop-op-fit' ) . '</p>';
	echo '<p><code>[iop_op_fit org_name="Example Recovery Center" phone="+1-555-010-0100" contact_url="/contact" iop_hours="9-12"]</code></p>';
	echo '<p>' . esc_html__( 'The shortcode takes every widget option in snake_case (orgName is org_name, iopSchedule is iop_schedule). The widget checks each value; a bad one is reported in the browser console and replaced by a safe default.', 'iop-op-fit' ) . '</p>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'iop_op_fit' );
	do_settings_sections( 'iop-op-fit' );
	submit_button();
	echo '</form></div>';
}
